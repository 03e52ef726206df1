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
  bold?: boolean;
  /** The paragraph goes on in the next column: its last line is full too. */
  runsOn?: boolean;
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
      const last = i === para.lines.length - 1 && !para.runsOn;
      const natural = widthOf(str, BODY);
      items.push({
        str,
        x: x + indent,
        y,
        width: last ? natural : width - indent,
        size: BODY,
        fontName: para.bold ? 'body-bold' : 'body',
        bold: para.bold,
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

  it('drops a folio line repeated on both pages of a two-page PDF, and keeps headlines like it', () => {
    const folio = (n: number): LayoutItem => ({
      str: `A${n} The Valley Times Monday`,
      x: 40,
      y: 30,
      width: 120,
      size: 8,
      fontName: 'body',
    });
    const one = [
      folio(1),
      headline('Dam plan 1 divides the valley', 40, 70),
      ...column(40, 100, 200, [
        { lines: ['Page one text, set in the body', 'size, ends here.'], indent: true },
      ]),
    ];
    const two = [
      folio(2),
      headline('Dam plan 2 divides the valley', 40, 70),
      ...column(40, 100, 200, [
        { lines: ['Page two text, set in the body', 'size, ends too.'], indent: true },
      ]),
    ];
    expect(layoutPages([page(one), page(two)]).text).toBe(
      'Dam plan 1 divides the valley\nPage one text, set in the body size, ends here.\n\n' +
        'Dam plan 2 divides the valley\nPage two text, set in the body size, ends too.',
    );
  });

  it('keeps the paragraphs of a single column whole under a headline set wider than it', () => {
    const items = [
      headline('A headline wider than its column', 40, 70),
      ...column(40, 100, 200, [
        { lines: ['The one column runs on', 'over three lines and', 'ends here.'], indent: true },
        { lines: ['A second paragraph', 'follows it.'], indent: true },
      ]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'A headline wider than its column\nThe one column runs on over three lines and ends here.\n' +
        'A second paragraph follows it.',
    );
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

  it('reads a column to its foot when it runs on past a gap below the next column’s end', () => {
    // Column two ends early; column one has a subhead with space above it lower down.
    const items = [
      headline('Over both columns', 40, 70),
      ...column(40, 100, 160, [{ lines: ['One starts and', 'runs down.'], indent: true }]),
      { ...headline('Subhead', 40, 100 + 3 * PITCH + 6, 13), bold: false },
      ...column(40, 100 + 5 * PITCH, 160, [{ lines: ['One goes on', 'below it.'], indent: true }]),
      ...column(220, 100, 160, [{ lines: ['Two is short', 'and ends.'], indent: true }]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'Over both columns\nOne starts and runs down.\nSubhead\nOne goes on below it.\nTwo is short and ends.',
    );
  });

  it('reads articles side by side under a lead, each under its own headline, in its own columns', () => {
    // Lead: headline over three columns. Below, two articles of two columns each, their
    // headlines over them; the right-hand gutter of the lead is not theirs.
    const lead = [
      ...column(40, 100, 160, [{ lines: ['Lead one', 'and more.'], indent: true }]),
      ...column(220, 100, 160, [{ lines: ['Lead two', 'and more.'] }]),
      ...column(400, 100, 160, [{ lines: ['Lead three', 'ends.'] }]),
    ];
    const left = [
      ...column(40, 240, 120, [{ lines: ['Left one', 'goes on'], indent: true, runsOn: true }]),
      ...column(175, 240, 120, [{ lines: ['in left two', 'and ends.'] }]),
    ];
    const right = [
      ...column(320, 240, 115, [{ lines: ['Right one', 'goes on'], indent: true, runsOn: true }]),
      ...column(450, 240, 110, [{ lines: ['in right two', 'and ends.'] }]),
    ];
    // In the content stream the headlines come last, after all the text.
    const items = [
      ...lead,
      ...left,
      ...right,
      headline('Lead headline', 40, 70),
      headline('Left head', 40, 215, 18),
      headline('Right head', 320, 215, 18),
    ];
    const { text, headings } = layoutPages([page(items)]);
    expect(text).toBe(
      'Lead headline\nLead one and more.\nLead two and more.\nLead three ends.\n\n' +
        'Left head\nLeft one goes on in left two and ends.\n\n' +
        'Right head\nRight one goes on in right two and ends.',
    );
    expect(headings.map((h) => h.level)).toEqual([1, 1, 1]);
  });

  it('reads the lead to its end before the row of articles below it, when their gutters align', () => {
    const items = [
      headline('Lead headline across the page', 40, 70),
      ...column(40, 100, 160, [
        { lines: ['Lead goes on', 'down here'], indent: true, runsOn: true },
      ]),
      ...column(220, 100, 160, [{ lines: ['and ends in', 'column two.'] }]),
      headline('Left head', 40, 170, 18),
      ...column(40, 190, 160, [{ lines: ['Left story', 'ends.'], indent: true }]),
      headline('Right head', 220, 170, 18),
      ...column(220, 190, 160, [{ lines: ['Right story', 'ends.'], indent: true }]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'Lead headline across the page\nLead goes on down here and ends in column two.\n\n' +
        'Left head\nLeft story ends.\n\nRight head\nRight story ends.',
    );
  });

  it('keeps a Chinese comma that hangs into the gutter with its line, and the columns apart', () => {
    // Columns 12 pt apart; the comma at the end of a full line hangs 10 pt past the column,
    // beside column two's lines, which sit on a baseline grid of their own.
    const cjk = (str: string, x: number, y: number, width = widthOf(str, BODY)): LayoutItem => ({
      str,
      x,
      y,
      width,
      size: BODY,
      fontName: 'zh',
    });
    const items = [
      headline('水库计划引发争议，各方意见不一', 40, 70),
      cjk('第一段：水利部门表示水库将为下游', 60, 100, 160 - 2 * BODY),
      cjk('农田供水，工程师在大雨后检查了溢洪 ，', 40, 112, 170),
      cjk('道。', 40, 124),
      cjk('第二段：当地居民要求就该计划举', 232, 106, 160 - 2 * BODY),
      cjk('行公开听证会。', 212, 118),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      '水库计划引发争议，各方意见不一\n第一段：水利部门表示水库将为下游农田供水，工程师在大雨后检查了溢洪，道。\n' +
        '第二段：当地居民要求就该计划举行公开听证会。',
    );
  });

  it('keeps a headline over three lines one heading, though its leading opens gaps between them', () => {
    // 16 pt type on a 23 pt step: 7 pt between lines, more than the gap that cuts body text.
    const items = [
      headline('Engineers ask for', 40, 80, 16),
      headline('more time to study', 40, 103, 16),
      headline('the spillway', 40, 126, 16),
      ...column(40, 150, 160, [
        { lines: ['The engineers want', 'a year to study the', 'spillway again.'], indent: true },
      ]),
    ];
    const { text, headings } = layoutPages([page(items)]);
    expect(text).toBe(
      'Engineers ask for more time to study the spillway\nThe engineers want a year to study the spillway again.',
    );
    expect(headings).toEqual([{ start: 0, level: 1 }]);
  });

  it('reads a lead to its end before an article set under one of its columns, and that article whole', () => {
    // The lead's second column is short; the next article sits under its first column only.
    const items = [
      headline('Lead headline across the page', 40, 70),
      ...column(40, 100, 160, [
        {
          lines: ['Lead starts and', 'goes on down', 'the first column', 'to its foot'],
          indent: true,
          runsOn: true,
        },
      ]),
      ...column(220, 100, 160, [{ lines: ['and ends in the', 'second.'] }]),
      headline('Next story', 40, 190, 18),
      ...column(40, 215, 160, [
        { lines: ['The next story', 'has one column', 'and ends here.'], indent: true },
      ]),
    ];
    expect(layoutPages([page(items)]).text).toBe(
      'Lead headline across the page\nLead starts and goes on down the first column to its foot and ends in the second.\n\n' +
        'Next story\nThe next story has one column and ends here.',
    );
  });

  describe('a body-size line set in bold', () => {
    const outline = (items: LayoutItem[]) => {
      const { text, headings } = layoutPages([page(items)]);
      return headings.map((h) => [text.slice(h.start).split('\n')[0], h.level]);
    };

    it('is a subhead when it stands as a paragraph of its own, over one line or two', () => {
      const items = column(40, 100, 200, [
        { lines: ['The council met on', 'Monday night.'], indent: true },
        { lines: ['Water rates'], bold: true },
        { lines: ['The rates will rise', 'in the spring.'], indent: true },
        { lines: ['What the farmers', 'say about it'], bold: true },
        { lines: ['They are not happy', 'with the plan.'], indent: true },
      ]);
      const { text } = layoutPages([page(items)]);
      expect(text).toBe(
        'The council met on Monday night.\nWater rates\nThe rates will rise in the spring.\n' +
          'What the farmers say about it\nThey are not happy with the plan.',
      );
      expect(outline(items)).toEqual([
        ['Water rates', 3],
        ['What the farmers say about it', 3],
      ]);
    });

    it('is a subhead at the head of a column, after a paragraph whose last line is full', () => {
      const items = [
        ...column(40, 100, 160, [{ lines: ['The paragraph ends', 'with a long line.'] }]),
        ...column(220, 100, 160, [{ lines: ['Who pays'], bold: true }]),
        ...column(220, 100 + PITCH, 160, [
          { lines: ['The county does,', 'it says.'], indent: true },
        ]),
      ];
      // Its last line reaches the column's end, as a justified last line can.
      items[1]!.width = 160;
      expect(outline(items)).toEqual([['Who pays', 3]]);
    });

    it('marks nothing where the body itself is set in bold', () => {
      const items = column(40, 100, 200, [
        { lines: ['A flyer set in', 'bold throughout.'], bold: true, indent: true },
        { lines: ['Short lines'], bold: true, indent: true },
        { lines: ['Every one of them', 'bold.'], bold: true, indent: true },
      ]);
      expect(outline(items)).toEqual([]);
    });

    it('is not a heading when it is a bold lead-in that runs on into regular text', () => {
      // "Bold lead-in:" then regular text on the same line, and a full bold line that runs on below.
      const leadIn: LayoutItem[] = [
        { str: 'Ashford:', x: 40, y: 100, width: 40, size: BODY, fontName: 'b', bold: true },
        { str: 'the vote is on.', x: 83, y: 100, width: 157, size: BODY, fontName: 'r' },
      ];
      const items = [
        ...leadIn,
        ...column(40, 100 + PITCH, 200, [{ lines: ['Nobody came to it.'] }]),
        // Justified: the bold line spans its column as far as the regular one.
        {
          str: 'A whole bold line lead',
          x: 40 + 2 * BODY,
          y: 100 + 2 * PITCH,
          width: 200 - 2 * BODY,
          size: BODY,
          fontName: 'b',
          bold: true,
        },
        ...column(40, 100 + 3 * PITCH, 200, [{ lines: ['runs on in regular type.'] }]),
      ];
      const { text, headings } = layoutPages([page(items)]);
      expect(text).toBe(
        'Ashford: the vote is on. Nobody came to it.\nA whole bold line lead runs on in regular type.',
      );
      expect(headings).toEqual([]);
    });

    it('is not a heading for bold words inside a paragraph, nor for a whole bold paragraph of prose', () => {
      const words: LayoutItem[] = [
        { str: 'Prices rose', x: 40, y: 100, width: 60, size: BODY, fontName: 'r' },
        { str: 'sharply', x: 103, y: 100, width: 40, size: BODY, fontName: 'b', bold: true },
        { str: 'again.', x: 146, y: 100, width: 94, size: BODY, fontName: 'r' },
      ];
      const items = [
        ...words,
        ...column(40, 100 + PITCH, 200, [
          { lines: ['The end.'] },
          {
            lines: [
              'A bold standfirst',
              'paragraph sums up',
              'the story over more',
              'lines than a head.',
            ],
            bold: true,
            indent: true,
          },
          { lines: ['Then the body', 'begins.'], indent: true },
        ]),
      ];
      expect(outline(items)).toEqual([]);
      expect(layoutPages([page(items)]).text).toContain(
        'A bold standfirst paragraph sums up the story over more lines than a head.',
      );
    });
  });
});
