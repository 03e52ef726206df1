// @vitest-environment jsdom
/**
 * Word files as LibreOffice Writer writes them: a flat ODF document made
 * here (a title, Heading 1/2 styles, CJK text, a table, a footnote) is
 * converted to .docx by `soffice --headless`, then read back through mammoth
 * (jsdom's DOMParser standing in for the page's). Skips, saying why, where
 * LibreOffice is not installed (Debian: `apt-get install libreoffice-writer`;
 * CI installs it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../shared/extract/detect';
import { sofficeConvert, sofficeMissing } from '../../../shared/test-support/node/soffice';
import { extractDocx } from './docx';

const missing = sofficeMissing('libreoffice-writer');
if (missing) console.log(`[docx.libreoffice] skipped: ${missing}`);

const dir = mkdtempSync(join(tmpdir(), 'claimmark-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const P1 =
  '国家统计局10月20日发布数据，前三季度全国规模以上工业增加值同比增长5.8%，比上半年加快0.3个百分点。';
const P2 = 'Exports of electric vehicles rose by a third, the customs office said on Monday.';
const P3 = '高技术制造业增加值增长9.6%，占规模以上工业增加值的比重为16.3%。';
const TITLE = '前三季度国民经济运行情况';
const NOTE = '数据来源：国家统计局《2025年前三季度国民经济运行情况》。';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function fodt(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>${esc(TITLE)}</dc:title></office:meta>
 <office:styles>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
 </office:styles>
 <office:body><office:text>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">${esc('工业增加值增长5.8%')}</text:h>
  <text:p>${esc(P1)}<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>${esc(NOTE)}</text:p></text:note-body></text:note></text:p>
  <text:p>${esc(P2)}</text:p>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">高技术制造业领跑</text:h>
  <text:p>${esc(P3)}</text:p>
  <table:table table:name="T1">
   <table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>行业</text:p></table:table-cell><table:table-cell><text:p>增速</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>电子</text:p></table:table-cell><table:table-cell><text:p>10.9%</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:text></office:body>
</office:document>`;
}

function toDocx(): Uint8Array {
  const source = join(dir, 'article.fodt');
  writeFileSync(source, fodt());
  sofficeConvert(source, 'docx', dir);
  return new Uint8Array(readFileSync(join(dir, 'article.docx')));
}

describe.skipIf(missing !== null)('a Word file written by LibreOffice', () => {
  const bytes = missing === null ? toDocx() : new Uint8Array();
  const extracted = extractDocx(bytes);

  it('is told apart from text by its bytes', () => {
    expect(detectFormat(bytes, 'renamed.bin')).toBe('docx');
  });

  it('keeps every paragraph whole, one per line, and the headings with their levels', async () => {
    const result = await extracted;
    if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
    const { text, headings } = result.value;
    const lines = text.split('\n');
    expect(lines).toContain(P2);
    expect(lines.some((l) => l.startsWith(P1))).toBe(true);
    expect(lines).toContain(P3);
    expect(headings.map((h) => [h.level, text.slice(h.start).split('\n')[0]])).toEqual([
      [1, '工业增加值增长5.8%'],
      [2, '高技术制造业领跑'],
    ]);
  }, 240_000);

  it('takes its title from the properties LibreOffice wrote, not from the first heading', async () => {
    const result = await extracted;
    expect(result.ok && result.value.meta).toEqual({ title: TITLE });
  }, 240_000);

  it('writes the table as tab-separated lines and the footnote after the text', async () => {
    const result = await extracted;
    if (!result.ok) throw new Error(result.code);
    const lines = result.value.text.split('\n');
    expect(lines).toContain('行业\t增速');
    expect(lines).toContain('电子\t10.9%');
    expect(lines[lines.length - 1]).toBe(`[1] ${NOTE}`);
    expect(lines.indexOf('电子\t10.9%')).toBeLessThan(lines.length - 1);
  }, 240_000);

  it('refuses the same file cut in half as damaged, with a reason', async () => {
    const result = await extractDocx(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('damaged');
    expect(!result.ok && result.detail).toBeTruthy();
  }, 60_000);
});

describe('a .docx that is not one', () => {
  it('is refused as damaged: not a zip archive', async () => {
    const result = await extractDocx(new TextEncoder().encode('Just some text'));
    expect(result).toEqual({ ok: false, code: 'damaged', detail: 'it is not a zip archive' });
  });
});
