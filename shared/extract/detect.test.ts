import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('finds a PDF by its header whatever the name', () => {
    expect(detectFormat(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'scan.bin')).toBe('pdf');
  });

  it('sends a .pdf that is not one to the PDF importer, which refuses it', () => {
    expect(detectFormat(utf8('hello'), 'paper.PDF')).toBe('pdf');
  });

  it('finds a Word file by the zip entry word/document.xml', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expect(detectFormat(docx, 'renamed.zip')).toBe('docx');
  });

  it('does not take any zip for a Word file', () => {
    const other = zipSync({ 'content.xml': strToU8('<office:document/>') });
    expect(detectFormat(other, 'a.odt')).toBe('text');
  });

  it('sends a broken .docx to the DOCX importer, so it is refused as damaged', () => {
    expect(detectFormat(utf8('not a zip'), 'report.docx')).toBe('docx');
  });

  it('finds HTML by its markup, with BOM, comments or white space first', () => {
    expect(detectFormat(utf8('\uFEFF  <!DOCTYPE html><html><body>x'), 'saved')).toBe('html');
    expect(detectFormat(utf8('<!-- saved from url --><html lang="zh">'), 'page')).toBe('html');
    expect(detectFormat(utf8('<HTML><HEAD><TITLE>t</TITLE>'), 'page.txt')).toBe('html');
  });

  it('finds HTML by its name when the markup starts late', () => {
    expect(detectFormat(utf8('<p>only a fragment</p>'), 'clip.htm')).toBe('html');
  });

  it('finds MHTML by its MIME header', () => {
    const mht =
      'From: <Saved by Blink>\r\nSubject: news\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----X"\r\n';
    expect(detectFormat(utf8(mht), 'page')).toBe('mhtml');
  });

  it('leaves plain text as text, even text that talks about HTML and PDFs', () => {
    expect(detectFormat(utf8('新华社北京电 <html> 标签和 %PDF- 文件'), 'a.txt')).toBe('text');
    expect(detectFormat(utf8('Plain words.'), 'notes.md')).toBe('text');
    expect(detectFormat(new Uint8Array(), 'empty.txt')).toBe('text');
  });
});
