/**
 * PDFs made by a real producer: a flat-ODF newspaper page (a headline across
 * three justified columns, a 2-em first-line indent, English and Chinese
 * paragraphs, subheads) converted by LibreOffice Writer, headless. The
 * source paragraphs come back with the PDF so tests compare against them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { sofficeConvert, sofficeMissing } from './soffice';

/** Why LibreOffice Writer cannot make fixtures here, or null when it can. */
export const writerMissing = (): string | null => sofficeMissing('libreoffice-writer');

export interface Block {
  /** h3: a subhead in the body size, set apart by bold alone. */
  kind: 'h1' | 'h2' | 'h3' | 'p';
  text: string;
  /** Words of a paragraph set in bold (the first place they occur). */
  bold?: string;
}

export interface Article {
  blocks: Block[];
}

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const EN_WORDS =
  'officials said the reservoir would supply water to farms downstream while engineers inspected the spillway after heavy rain and local residents asked for a public hearing on the plan'.split(
    ' ',
  );
const ZH_CLAUSES = [
  '水利部门表示水库将为下游农田供水',
  '工程师在大雨后检查了溢洪道',
  '当地居民要求就该计划举行公开听证会',
  '专家认为项目需要更长的评估时间',
  '县政府称资金已经全部到位',
];

/** An English paragraph numbered `n`, about `words` words long. */
export function englishParagraph(n: number, words: number): string {
  const out = [`Paragraph ${n} opens here:`];
  for (let i = 0; out.length < words; i++) out.push(EN_WORDS[(i * 7 + n) % EN_WORDS.length]!);
  return `${out.join(' ')}.`;
}

/** A Chinese paragraph numbered `n`, about `clauses` clauses long. */
export function chineseParagraph(n: number, clauses: number): string {
  const out: string[] = [];
  for (let i = 0; i < clauses; i++) out.push(ZH_CLAUSES[(i + n) % ZH_CLAUSES.length]!);
  return `第${n}段：${out.join('，')}。`;
}

/** Articles of the given size: a headline, paragraphs alternating English and Chinese, a subhead. */
export function newspaperArticles(count: number, paragraphs: number): Article[] {
  const articles: Article[] = [];
  let n = 1;
  for (let a = 1; a <= count; a++) {
    const blocks: Block[] = [{ kind: 'h1', text: `Dam plan ${a} divides the valley` }];
    for (let p = 0; p < paragraphs; p++) {
      if (p === Math.floor(paragraphs / 2))
        blocks.push({ kind: 'h2', text: `Residents respond ${a}` });
      blocks.push({
        kind: 'p',
        text:
          p % 2 === 0
            ? englishParagraph(n, 40 + ((n * 13) % 50))
            : chineseParagraph(n, 3 + (n % 5)),
      });
      n += 1;
    }
    articles.push({ blocks });
  }
  return articles;
}

export const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
  'xmlns:xlink="http://www.w3.org/1999/xlink" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

export const FONT = 'Noto Serif CJK SC';
export const text = (size: number, bold = false) =>
  `<style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" ` +
  `fo:font-size="${size}pt" style:font-size-asian="${size}pt"` +
  (bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : '') +
  '/>';

/** A block inside an article's columns, in the styles `STYLES` defines. */
export function blockXml(block: Block): string {
  if (block.kind === 'h2')
    return `<text:h text:style-name="H2" text:outline-level="2">${esc(block.text)}</text:h>`;
  if (block.kind === 'h3') return `<text:p text:style-name="Subhead">${esc(block.text)}</text:p>`;
  const at = block.bold ? block.text.indexOf(block.bold) : -1;
  const inner =
    at < 0
      ? esc(block.text)
      : esc(block.text.slice(0, at)) +
        `<text:span text:style-name="Strong">${esc(block.bold!)}</text:span>` +
        esc(block.text.slice(at + block.bold!.length));
  return `<text:p text:style-name="Body">${inner}</text:p>`;
}

/**
 * Paragraph and text styles for body copy: 10 pt justified with a 2-em
 * first-line indent, a 13 pt subhead, a bold body-size subhead, bold words.
 * No autospace, so the PDF holds the source's spacing; no hanging
 * punctuation, which a frame's edge would clip.
 */
export const STYLES = `<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties style:text-autospace="none" style:punctuation-wrap="simple"/>${text(10)}</style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="20pt" fo:text-align="justify" fo:margin-top="0pt" fo:margin-bottom="0pt"/></style:style>
<style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="3pt"/>${text(13, true)}</style:style>
<style:style style:name="Subhead" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="2pt"/>${text(10, true)}</style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>`;

/** Flat ODF: one article per page, its headline across the page, its body in three columns. */
export function newspaperFodt(articles: readonly Article[]): string {
  const body = articles
    .map((article, index) => {
      const [headline, ...rest] = article.blocks;
      const first = index === 0 ? 'H1' : 'H1Break';
      const inner = rest.map(blockXml).join('\n');
      return (
        `<text:h text:style-name="${first}" text:outline-level="1">${esc(headline?.text ?? '')}</text:h>\n` +
        `<text:section text:style-name="Cols" text:name="Article${index + 1}">\n${inner}\n</text:section>`
      );
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
${STYLES}
<style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="12pt"/>${text(22, true)}</style:style>
<style:style style:name="H1Break" style:family="paragraph" style:parent-style-name="H1"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Cols" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="3" fo:column-gap="14pt"/></style:section-properties></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

/** A page holding nothing but a picture, as a scanner makes it. */
export function imageOnlyFodt(): string {
  const png = Buffer.from(grayPng(64, 64)).toString('base64');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text><text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="15cm" svg:height="15cm"><draw:image><office:binary-data>${png}</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>
`;
}

function grayPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 4 + y * 2) % 256;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PDF export filter, with a document-open password when one is given. */
function filter(password?: string): string {
  if (!password) return 'pdf:writer_pdf_Export';
  const options = {
    EncryptFile: { type: 'boolean', value: 'true' },
    DocumentOpenPassword: { type: 'string', value: password },
  };
  return `pdf:writer_pdf_Export:${JSON.stringify(options)}`;
}

/** Converts flat ODF to PDF in `dir`, with a LibreOffice profile of its own there. */
export function fodtToPdf(dir: string, name: string, fodt: string, password?: string): Uint8Array {
  mkdirSync(dir, { recursive: true });
  const source = join(dir, `${name}.fodt`);
  writeFileSync(source, fodt);
  sofficeConvert(source, filter(password), dir);
  return new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
}

/** pdf.js's CMaps and standard fonts from node_modules, as the app bundles them. */
export async function readPdfAssetFromDisk(kind: string, filename: string): Promise<Uint8Array> {
  const folder = kind === 'cMapUrl' ? 'cmaps' : 'standard_fonts';
  const url = new URL(`../../../node_modules/pdfjs-dist/${folder}/${filename}`, import.meta.url);
  return new Uint8Array(readFileSync(url));
}
