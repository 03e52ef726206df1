/**
 * Newspaper pages as a real paper lays them out, for LibreOffice Writer to
 * turn into PDF: a lead article whose headline spans its columns, and
 * around it articles side by side or stacked, each under its own headline
 * and in its own columns (FrontLayout). Every article is two text frames anchored to the page (headline,
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

/**
 * How a page is laid out: `lead-over-two`, a lead over three columns with
 * two articles side by side below it; `lead-beside-column`, a lead in two
 * columns over another two-column article, beside a column of two stacked
 * one-column articles whose headlines wrap to two lines.
 */
export type FrontLayout = 'lead-over-two' | 'lead-beside-column';

export interface FrontPage {
  layout: FrontLayout;
  /** In the order the slots of the layout list them. */
  articles: PageArticle[];
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
  /** How many paragraphs fill it, and how long (words) the English ones are. */
  paragraphs: number;
  words: number;
}

export const RUNNING_HEAD = 'The Valley Times · Monday 4 May 2026';

const PAGE = { width: 595, height: 842 };
const MARGIN = 36;
const GAP = 12;
const WIDTH = PAGE.width - 2 * MARGIN;
const half = (WIDTH - GAP) / 2;
const twoThirds = Math.round(((WIDTH - GAP) * 2) / 3);
const below = { top: 418, headlineSize: 18, headlineHeight: 30, bodyHeight: 336, columns: 2 };
const side = { headlineSize: 16, headlineHeight: 74, bodyHeight: 280, columns: 1 };

const LAYOUTS: Record<FrontLayout, Slot[]> = {
  'lead-over-two': [
    {
      x: MARGIN,
      width: WIDTH,
      top: 64,
      headlineSize: 26,
      headlineHeight: 42,
      bodyHeight: 292,
      columns: 3,
      paragraphs: 5,
      words: 50,
    },
    { ...below, x: MARGIN, width: half, paragraphs: 4, words: 30 },
    { ...below, x: MARGIN + half + GAP, width: half, paragraphs: 4, words: 30 },
  ],
  'lead-beside-column': [
    {
      x: MARGIN,
      width: twoThirds,
      top: 64,
      headlineSize: 22,
      headlineHeight: 70,
      bodyHeight: 300,
      columns: 2,
      paragraphs: 3,
      words: 50,
    },
    { ...below, top: 450, bodyHeight: 300, x: MARGIN, width: twoThirds, paragraphs: 4, words: 30 },
    {
      ...side,
      top: 64,
      x: MARGIN + twoThirds + GAP,
      width: WIDTH - twoThirds - GAP,
      paragraphs: 3,
      words: 20,
    },
    {
      ...side,
      top: 424,
      x: MARGIN + twoThirds + GAP,
      width: WIDTH - twoThirds - GAP,
      paragraphs: 3,
      words: 20,
    },
  ],
};

/** Headlines per layout; the stacked column's wrap to two lines, which their frames hold. */
const HEADS: Record<FrontLayout, { en: string[]; zh: string[] }> = {
  'lead-over-two': {
    en: ['Dam plan # divides the valley', 'Farmers count the cost #', 'Engineers ask for time #'],
    zh: ['第#版：水库计划引发争议', '农民担心灌溉#', '专家呼吁评估#'],
  },
  'lead-beside-column': {
    en: [
      'Dam plan # divides the valley',
      'Farmers count the cost #',
      'Engineers ask for more time to study the spillway #',
      'County says the money is in place #',
    ],
    zh: [
      '第#版：水库计划引发争议',
      '农民担心灌溉#',
      '专家呼吁对溢洪道进行更长时间的评估#',
      '县政府称资金已经全部到位#',
    ],
  },
};

/**
 * Pages of articles in `layout`, English or Chinese, each article with a
 * bold subhead after its second paragraph; `first` numbers the pages, so
 * every headline and paragraph of a document differs from the others.
 */
export function frontPages(
  count: number,
  layout: FrontLayout,
  language: 'en' | 'zh' = 'en',
  first = 1,
): FrontPage[] {
  let n = first * 100;
  const out: FrontPage[] = [];
  for (let p = first; p < first + count; p++) {
    const articles = LAYOUTS[layout].map((slot, index) => {
      const sub = language === 'zh' ? `各方回应${p}${index}` : `What residents say ${p}${index}`;
      const blocks: Block[] = [];
      for (let i = 0; i < slot.paragraphs; i++) {
        if (i === 2) blocks.push({ kind: 'h3', text: sub });
        n += 1;
        const text =
          language === 'zh'
            ? chineseParagraph(n, Math.round(slot.words / 10) + (n % 3))
            : englishParagraph(n, slot.words - 4 + ((n * 7) % 9));
        blocks.push({ kind: 'p', text });
      }
      const head = HEADS[layout][language][index]!.replace('#', String(p));
      return { headline: head, blocks };
    });
    out.push({ layout, articles });
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
export function frontPagesFodt(pages: readonly FrontPage[]): string {
  const bodies: string[] = [];
  const heads: string[] = [];
  pages.forEach(({ layout, articles }, index) => {
    const page = index + 1;
    articles.forEach((article, slot) => {
      const at = LAYOUTS[layout][slot]!;
      const id = `p${page}a${slot}`;
      bodies.push(
        frame(
          `${id}body`,
          at.columns > 1 ? `Cols${at.columns}` : 'Plain',
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
${[...new Set(Object.values(LAYOUTS).flatMap((slots) => slots.map((at) => at.headlineSize)))].map(headStyle).join('\n')}
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
