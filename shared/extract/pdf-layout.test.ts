import { describe, expect, it } from 'vitest';
import { layoutPages, type LayoutItem, type LayoutPage } from './pdf-layout';

const BODY = 10;
const PITCH = 12;
/** Width of a run as the test "font" sets it: Latin at half an em, CJK at one em. */
const widthOf = (s: string, size: number) =>
  [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);

interface Para {
  lines: string[];
  indent?: boolean;
}

/**
 * A column of paragraphs as a justified setting places it: every line spans
 * the column (`width`) but the first (indented by 2 em when asked) and the last.
 */
function column(x: number, top: number, width: number, paras: Para[]): LayoutItem[] {
  const items: LayoutItem[] = [];
  let y = top;
  for (const para of paras) {
    para.lines.forEach((str, i) => {
      const indent = i === 0 && para.indent ? 2 * BODY : 0;
      const last = i === para.lines.length - 1;
      const natural = widthOf(str, BODY);
      items.push({
        str,
        x: x + indent,
        y,
        width: last ? natural : width - indent,
        size: BODY,
        fontName: 'body',
      });
      y += PITCH;
    });
  }
  return items;
}

const headline = (str: string, x: number, y: number, size = 24): LayoutItem => ({
  str,
  x,
  y,
  width: widthOf(str, size),
  size,
  fontName: 'head',
  bold: true,
});

const page = (items: LayoutItem[]): LayoutPage => ({ width: 600, height: 800, items });

describe('layoutPages', () => {
  it('reads three columns in order under a headline that spans them', () => {
    const items = [
      headline('Flood waters rise', 40, 60),
      ...column(40, 100, 160, [{ lines: ['Alpha one runs', 'on in column', 'one.'] }]),
      ...column(220, 100, 160, [
        { lines: ['Beta starts the', 'second column', 'here.'], indent: true },
      ]),
      ...column(400, 100, 160, [{ lines: ['Gamma closes', 'the third.'], indent: true }]),
    ];
    const { text, headings } = layoutPages([page(items)]);
    expect(text).toBe(
      'Flood waters rise\nAlpha one runs on in column one.\nBeta starts the second column here.\nGamma closes the third.',
    );
    expect(headings).toEqual([{ start: 0, level: 1 }]);
  });

  it('joins a paragraph that runs on from the foot of one column to the head of the next', () => {
    const items = [
      ...column(40, 100, 160, [{ lines: ['The story runs', 'down the first'], indent: true }]),
      ...column(220, 100, 160, [{ lines: ['column and on', 'into the next.'] }]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'The story runs down the first column and on into the next.',
    );
  });

  it('starts paragraphs at a first-line indent, and at a line that ends short', () => {
    const items = column(40, 100, 200, [
      { lines: ['First paragraph', 'ends here.'], indent: true },
      { lines: ['Second one goes', 'on and on.'], indent: true },
    ]);
    expect(layoutPages([page(items)]).text).toBe(
      'First paragraph ends here.\nSecond one goes on and on.',
    );
    // Without indents, only the short last line tells where the paragraph ends.
    const flush = column(40, 100, 200, [
      { lines: ['First paragraph', 'ends here.'] },
      { lines: ['Second one goes', 'on.'] },
    ]);
    expect(layoutPages([page(flush)]).text).toBe('First paragraph ends here.\nSecond one goes on.');
  });

  it('starts a paragraph after a larger line gap', () => {
    const items = [
      ...column(40, 100, 200, [{ lines: ['Above the gap', 'it ends'] }]),
      ...column(40, 100 + 2 * PITCH + 8, 200, [{ lines: ['and below it', 'starts anew.'] }]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'Above the gap it ends\nand below it starts anew.',
    );
  });

  it('joins Chinese lines without a space and English ones with one, mending a split word', () => {
    const items = column(40, 100, 200, [
      { lines: ['新华社记者报道，', '水库今年蓄水。'], indent: true },
      { lines: ['The engineers in-', 'spected it.'], indent: true },
    ]);
    expect(layoutPages([page(items)]).text).toBe(
      '新华社记者报道，水库今年蓄水。\nThe engineers inspected it.',
    );
  });

  it('puts a headline printed after its article in the stream back above it', () => {
    const body = column(40, 120, 300, [
      { lines: ['The article body', 'comes first in the file.'] },
    ]);
    const items = [...body, headline('Headline last in the stream', 40, 80)];
    const { text, headings } = layoutPages([page(items)]);
    expect(text).toBe('Headline last in the stream\nThe article body comes first in the file.');
    expect(headings).toEqual([{ start: 0, level: 1 }]);
  });

  it('marks headlines, subheads and bold minor heads, and leaves a blank line between articles', () => {
    const items = [
      headline('First story', 40, 60),
      ...column(40, 90, 300, [{ lines: ['Body of the first', 'story.'], indent: true }]),
      { ...headline('A subhead', 40, 130, 13), bold: false },
      ...column(40, 150, 300, [{ lines: ['More of the first', 'story.'], indent: true }]),
      { ...headline('Minor head', 40, 190, BODY), bold: true },
      ...column(40, 205, 300, [{ lines: ['Still the first', 'story.'], indent: true }]),
      headline('Second story', 40, 280),
      ...column(40, 310, 300, [{ lines: ['Body of the second', 'story.'], indent: true }]),
    ];
    const { text, headings } = layoutPages([page(items)]);
    expect(text).toBe(
      'First story\nBody of the first story.\nA subhead\nMore of the first story.\nMinor head\n' +
        'Still the first story.\n\nSecond story\nBody of the second story.',
    );
    const at = (s: string) => text.indexOf(s);
    expect(headings).toEqual([
      { start: at('First story'), level: 1 },
      { start: at('A subhead'), level: 2 },
      { start: at('Minor head'), level: 3 },
      { start: at('Second story'), level: 1 },
    ]);
  });

  it('joins the lines of a headline set over two lines into one heading', () => {
    const items = [
      headline('Two-line headline', 40, 60),
      headline('about the dam', 40, 88),
      ...column(40, 120, 300, [
        {
          lines: [
            'Body text of the story, set in',
            'the body size, which most of',
            'the page is in.',
          ],
          indent: true,
        },
      ]),
    ];
    const { text, headings } = layoutPages([page(items)]);
    expect(text).toBe(
      'Two-line headline about the dam\nBody text of the story, set in the body size, which most of the page is in.',
    );
    expect(headings).toEqual([{ start: 0, level: 1 }]);
  });

  it('records where each page starts and drops a page number alone in the margin', () => {
    const one = [
      ...column(40, 100, 200, [{ lines: ['Page one text', 'ends here.'], indent: true }]),
      { str: '1', x: 300, y: 780, width: 5, size: 9, fontName: 'body' },
    ];
    const two = [
      ...column(40, 100, 200, [{ lines: ['Page two text', 'ends too.'], indent: true }]),
      { str: '- 2 -', x: 300, y: 780, width: 20, size: 9, fontName: 'body' },
    ];
    const result = layoutPages([page(one), page([]), page(two)]);
    expect(result.text).toBe('Page one text ends here.\nPage two text ends too.');
    const second = result.text.indexOf('Page two');
    expect(result.pages).toEqual([0, second, second]);
  });

  it('keeps a number that is part of the text, away from the margins', () => {
    const items = [
      ...column(40, 100, 200, [{ lines: ['The vote was'], indent: true }]),
      { str: '42', x: 40, y: 400, width: 10, size: BODY, fontName: 'body' },
    ];
    expect(layoutPages([page(items)]).text).toContain('42');
  });

  it('reads the pieces of a justified line, spread by wide word gaps, as one line', () => {
    const line = (y: number, words: [string, number][]): LayoutItem[] =>
      words.map(([str, x]) => ({
        str,
        x,
        y,
        width: widthOf(str, BODY),
        size: BODY,
        fontName: 'b',
      }));
    // Four lines of a narrow justified column: each has a wide gap, but no gap runs through all.
    const items = [
      ...line(100, [
        ['Wide', 40],
        ['gaps', 100],
      ]),
      ...line(112, [
        ['here', 40],
        ['and', 75],
        ['there', 100],
      ]),
      ...line(124, [
        ['too,', 40],
        ['in', 110],
      ]),
      ...line(136, [['printed matter.', 40]]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'Wide gaps here and there too, in printed matter.',
    );
  });
});
