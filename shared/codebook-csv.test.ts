import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { codebookToCsv, codebookTree, normalizeColor, parseCodebookCsv } from './codebook-csv';
import type { CodebookEntry } from './codebook-csv';
import { applyMergePlan, planMerge } from './codebook-merge';
import type { Category } from './types';

const cat = (
  id: string,
  name: string,
  order: number,
  parentId: string | null = null,
  extra: Partial<Category> = {},
): Category => ({ id, name, order, parentId, color: '#336699', description: '', ...extra });

/** A codebook whose `order` follows the tree, with text that CSV and spreadsheets trip over. */
const CODEBOOK: Category[] = [
  cat('s', 'Statistic 数据', 0, null, {
    color: '#e0a100',
    description: 'A number, amount or rate. 以数字、数量或比率呈现的事实。',
  }),
  cat('s1', '增长率', 1, 's', {
    color: '#aa0000',
    description: 'GDP, "growth", 同比\nyear on year',
  }),
  cat('s2', '=SUM(A1)', 2, 's', { color: '#00aa00', description: '=1+1, "quoted", end' }),
  cat('t', 'Target 目标', 3, null, { color: '#2f8fd8', description: '-5% target\nline two' }),
  cat('t1', '@mention, "quoted"', 4, 't', { description: '\tstarts with a tab' }),
  cat('p', 'Policy 政策措施', 5, null, { color: '#3aa65b', description: "'=already guarded" }),
  cat('a', 'Attribution 引述', 6),
  cat('a1', '+8%', 7, 'a', { description: 'line\nbreak' }),
  cat('e', 'Assessment 评价', 8),
  cat('o', 'Other 其他', 9, null, { description: '  spaces kept  ' }),
  cat('o1', 'Rumour 传言', 10, 'o'),
];

/** What a codebook means to the analyst: the tree with names, colours and descriptions. */
const shape = (categories: Category[]) =>
  codebookTree(categories).map(({ category: c, parent }) => ({
    name: c.name,
    parent: parent?.name ?? null,
    color: c.color,
    description: c.description,
  }));

/** Rows as a spreadsheet sees them (no guard removal). */
const rawRows = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

const importIntoEmpty = (entries: CodebookEntry[]): Category[] => {
  let n = 0;
  const plan = planMerge([], entries, { newId: () => `new-${++n}` });
  return applyMergePlan([], plan, () => '#888888');
};

const parsed = (csv: string): CodebookEntry[] => {
  const result = parseCodebookCsv(csv);
  if (!result.ok) throw new Error(result.error);
  return result.entries;
};

describe('codebookToCsv', () => {
  it('writes BOM, header, CRLF rows, parents followed by their children', () => {
    const csv = codebookToCsv([
      cat('b', 'B', 1, null, { color: '#0000ff' }),
      cat('a', 'A', 0, null, { color: '#ff0000', description: 'first, "one"' }),
      cat('b1', 'B child', 2, 'b'),
      cat('a1', 'A child', 3, 'a'),
    ]);
    expect(csv).toBe(
      '\uFEFFname,parent,color,description,shortcut\r\n' +
        'A,,#ff0000,"first, ""one""",1\r\n' +
        'A child,A,#336699,,4\r\n' +
        'B,,#0000ff,,2\r\n' +
        'B child,B,#336699,,3\r\n',
    );
  });

  it('writes only the header for an empty codebook', () => {
    expect(codebookToCsv([])).toBe('\uFEFFname,parent,color,description,shortcut\r\n');
  });

  it('gives shortcuts 1–9 to the first nine categories in order, none after', () => {
    const rows = rawRows(codebookToCsv(CODEBOOK)).slice(1);
    expect(rows.map((r) => r[4])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '']);
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\n', '\0', '\u0001=', '\u001f+', '\0-'])(
    'guards a cell starting with %j',
    (c) => {
      const rows = rawRows(codebookToCsv([cat('x', `${c}x`, 0, null, { description: `${c}d` })]));
      expect(rows[1]?.[0]).toBe(`'${c}x`);
      expect(rows[1]?.[3]).toBe(`'${c}d`);
    },
  );

  it('adds one more apostrophe to a cell that already starts with one before a trigger', () => {
    const rows = rawRows(codebookToCsv(CODEBOOK));
    expect(rows.find((r) => r[0] === 'Policy 政策措施')?.[3]).toBe("''=already guarded");
  });

  it('keeps a deeper level importable by attaching it to its top-level ancestor', () => {
    const csv = codebookToCsv([cat('a', 'A', 0), cat('b', 'B', 1, 'a'), cat('c', 'C', 2, 'b')]);
    expect(rawRows(csv).map((r) => r[1])).toEqual(['parent', '', 'A', 'A']);
    expect(parseCodebookCsv(csv).ok).toBe(true);
  });
});

describe('CSV round trip', () => {
  it('exports and imports into an empty library as the same codebook', () => {
    const back = importIntoEmpty(parsed(codebookToCsv(CODEBOOK)));
    expect(shape(back)).toEqual(shape(CODEBOOK));
    expect(back.map((c) => [c.name, c.order])).toEqual(CODEBOOK.map((c) => [c.name, c.order]));
  });

  it('keeps sibling order when `order` does not follow the tree', () => {
    const mixed = [
      cat('b', 'B', 0),
      cat('a', 'A', 1),
      cat('a1', 'A1', 2, 'a'),
      cat('b1', 'B1', 3, 'b'),
    ];
    expect(shape(importIntoEmpty(parsed(codebookToCsv(mixed))))).toEqual(shape(mixed));
  });

  it('survives a second round', () => {
    const once = codebookToCsv(CODEBOOK);
    expect(codebookToCsv(importIntoEmpty(parsed(once)))).toBe(once);
  });
});

describe('parseCodebookCsv', () => {
  it('reads a hand-made file: any column order, header case, #rgb, blank rows, parent later', () => {
    const csv =
      ' Description ,NAME,Color,parent\n' +
      'child note,子类,#ABC,父类\n' +
      ',,,\n' +
      '"two\r\nlines",父类,,\n';
    expect(parsed(csv)).toEqual([
      { name: '子类', parent: '父类', color: '#aabbcc', description: 'child note' },
      { name: '父类', parent: null, color: null, description: 'two\nlines' },
    ]);
  });

  it('needs only a name column, and trims names and parents', () => {
    expect(parsed('name\n  Economy  \n经济\n')).toEqual([
      { name: 'Economy', parent: null, color: null, description: '' },
      { name: '经济', parent: null, color: null, description: '' },
    ]);
  });

  it('accepts an empty codebook and a missing trailing newline', () => {
    expect(parsed('name,parent,color,description,shortcut\r\n')).toEqual([]);
    expect(parsed('name,parent\r\nA,')).toHaveLength(1);
  });

  it('ignores the shortcut column and empty trailing cells', () => {
    expect(parsed('name,shortcut\nA,7,,\n')).toEqual([
      { name: 'A', parent: null, color: null, description: '' },
    ]);
  });

  it.each([
    ['', 'The file is empty'],
    ['\uFEFF \r\n', 'The file is empty'],
    ['parent,color\nA,', 'The header has no "name" column (found: parent, color)'],
    [
      'name,colour\nA,#fff',
      'Unknown column "colour" in the header; expected the columns name, parent',
    ],
    ['name;parent;color\nA;;', 'save it as comma-separated CSV'],
    ['name,Name\nA,B', 'The column "name" appears twice in the header'],
    ['name,parent\nA,\n,A', 'Row 3: the name is empty'],
    ['name,color\nA,#123456\nB,#12', 'Row 3: bad colour "#12"; use #rrggbb'],
    ['name,color\nA,red', 'Row 2: bad colour "red"'],
    ['name,parent\nA,\nB,Nowhere', 'Row 3: the parent "Nowhere" of "B" is not defined'],
    [
      'name,parent\nA,\nB,A\nC,B',
      'Row 4: "C" is under "B", which is itself under "A"; a codebook has two levels',
    ],
    ['name,parent\nA,\nB,A\n A ,', 'The name "A" appears twice (rows 2 and 4)'],
    ['name,parent\nA,A', 'Row 2: "A" cannot be its own parent'],
    ['name,parent\nA,,x', 'Row 2 has 3 cells, but the header has 2'],
    ['name,description\nA,"unclosed\n', 'Malformed CSV at row'],
  ])('refuses %j with a message that says what is wrong', (csv, message) => {
    const result = parseCodebookCsv(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('normalizeColor', () => {
  it.each([
    ['#AbCdEf', '#abcdef'],
    [' #fa0 ', '#ffaa00'],
    ['#12', null],
    ['abcdef', null],
    ['#abcdeg', null],
    ['#abcdef00', null],
  ])('%j → %j', (input, output) => {
    expect(normalizeColor(input)).toBe(output);
  });
});
