/**
 * Newspaper pages as a real paper lays them out, for LibreOffice Writer to
 * turn into PDF: a lead article whose headline spans its three columns, and
 * below it articles side by side, each under its own headline and in its own
 * columns. Every article is two text frames anchored to the page (headline,
 * body with columns), so the page is set where a layout program would set
 * it; the headline frames are written after all the body frames, so in the
 * PDF's content stream each headline comes after its article's text. A
 * running head and a page number in the margins, as papers print them.
 */
import {
  blockXml,
  englishParagraph,
  chineseParagraph,
  esc,
  FONT,
  NS,
  STYLES,
  text,
  type Block,
} from './libreoffice-pdf';

export interface PageArticle {
  headline: string;
  /** Body paragraphs and bold body-size subheads (`p`, `h3`). */
  blocks: Block[];
}

/** Where an article sits on the page, in points from the page's top left. */
interface Slot {
  x: number;
  width: number;
  top: number;
  headlineSize: number;
  headlineHeight: number;
  bodyHeight: number;
  columns: number;
}

export const RUNNING_HEAD = 'The Valley Times · Monday 4 May 2026';

const PAGE = { width: 595, height: 842 };
const GAP = 12;
const LEAD: Slot = {
  x: 36,
  width: 523,
  top: 64,
  headlineSize: 26,
  headlineHeight: 42,
  bodyHeight: 292,
  columns: 3,
};
const half = (PAGE.width - 2 * 36 - GAP) / 2;
const BELOW = { top: 418, headlineSize: 18, headlineHeight: 30, bodyHeight: 336, columns: 2 };
/** A lead over two articles side by side. */
const SLOTS: Slot[] = [
  LEAD,
  { ...BELOW, x: 36, width: half },
  { ...BELOW, x: 36 + half + GAP, width: half },
];

/** Three articles per page (lead, left, right), English or Chinese, each with a bold subhead. */
export function frontPageArticles(pages: number, language: 'en' | 'zh' = 'en'): PageArticle[][] {
  let n = 1;
  const para = (lead: boolean) => {
    n += 1;
    if (language === 'zh') return chineseParagraph(n, lead ? 4 + (n % 3) : 2 + (n % 3));
    return englishParagraph(n, lead ? 44 + ((n * 7) % 12) : 26 + ((n * 5) % 10));
  };
  const out: PageArticle[][] = [];
  for (let p = 1; p <= pages; p++) {
    const heads =
      language === 'zh'
        ? [`第${p}版：水库计划引发争议`, `农民担心灌溉${p}`, `专家呼吁评估${p}`]
        : [
            `Dam plan ${p} divides the valley`,
            `Farmers count the cost ${p}`,
            `Engineers ask for time ${p}`,
          ];
    out.push(
      heads.map((headline, slot) => {
        const lead = slot === 0;
        const sub = language === 'zh' ? `各方回应${p}${slot}` : `What residents say ${p}${slot}`;
        const blocks: Block[] = [];
        const count = lead ? 5 : 4;
        for (let i = 0; i < count; i++) {
          if (i === 2) blocks.push({ kind: 'h3', text: sub });
          blocks.push({ kind: 'p', text: para(lead) });
        }
        return { headline, blocks };
      }),
    );
  }
  return out;
}

const frame = (
  name: string,
  style: string,
  page: number,
  x: number,
  y: number,
  w: number,
  h: number,
  body: string,
) =>
  `<draw:frame draw:style-name="${style}" draw:name="${name}" text:anchor-type="page" text:anchor-page-number="${page}" ` +
  `svg:x="${x}pt" svg:y="${y}pt" svg:width="${w}pt" svg:height="${h}pt"><draw:text-box>${body}</draw:text-box></draw:frame>`;

/** Flat ODF: each page's articles in the slots above; page-anchored frames, headlines last. */
export function frontPagesFodt(pages: readonly PageArticle[][]): string {
  const bodies: string[] = [];
  const heads: string[] = [];
  pages.forEach((articles, index) => {
    const page = index + 1;
    articles.forEach((article, slot) => {
      const at = SLOTS[slot]!;
      const id = `p${page}a${slot}`;
      bodies.push(
        frame(
          `${id}body`,
          `Cols${at.columns}`,
          page,
          at.x,
          at.top + at.headlineHeight,
          at.width,
          at.bodyHeight,
          article.blocks.map(blockXml).join(''),
        ),
      );
      heads.push(
        frame(
          `${id}head`,
          'Plain',
          page,
          at.x,
          at.top,
          at.width,
          at.headlineHeight,
          `<text:p text:style-name="Head${at.headlineSize}">${esc(article.headline)}</text:p>`,
        ),
      );
    });
  });
  const graphic = (name: string, columns: number) =>
    `<style:style style:name="${name}" style:family="graphic"><style:graphic-properties fo:border="none" fo:padding="0pt" ` +
    `style:wrap="none" style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page" draw:fill="none">` +
    (columns > 1 ? `<style:columns fo:column-count="${columns}" fo:column-gap="${GAP}pt"/>` : '') +
    `</style:graphic-properties></style:style>`;
  const headStyle = (size: number) =>
    `<style:style style:name="Head${size}" style:family="paragraph" style:parent-style-name="Standard">${text(size, true)}</style:style>`;
  // The body text only makes the pages exist; every article is in a frame.
  const pageBreaks = pages
    .map((_, index) => `<text:p text:style-name="${index === 0 ? 'Standard' : 'NewPage'}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
${STYLES}
${headStyle(LEAD.headlineSize)}
${headStyle(BELOW.headlineSize)}
<style:style style:name="Margin" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/>${text(8)}</style:style>
<style:style style:name="NewPage" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
${graphic('Plain', 1)}
${graphic('Cols2', 2)}
${graphic('Cols3', 3)}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="${PAGE.width}pt" fo:page-height="${PAGE.height}pt" fo:margin-top="24pt" fo:margin-bottom="20pt" fo:margin-left="36pt" fo:margin-right="36pt"/>
<style:header-style><style:header-footer-properties fo:min-height="14pt"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="14pt"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Margin">${esc(RUNNING_HEAD)}</text:p></style:header>
<style:footer><text:p text:style-name="Margin"><text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
${bodies.join('\n')}
${heads.join('\n')}
${pageBreaks}
</office:text></office:body></office:document>
`;
}
