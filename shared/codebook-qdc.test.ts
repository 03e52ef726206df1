import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { codebookTree } from './codebook-csv';
import type { CodebookEntry } from './codebook-csv';
import { applyMergePlan, planMerge } from './codebook-merge';
import {
  categoryGuid,
  codebookToQdc,
  escapeXmlAttribute,
  escapeXmlText,
  parseQdc,
} from './codebook-qdc';
import type { Category } from './types';

const cat = (
  id: string,
  name: string,
  order: number,
  parentId: string | null = null,
  extra: Partial<Category> = {},
): Category => ({ id, name, order, parentId, color: '#336699', description: '', ...extra });

const UUID_A = '3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f';

const CODEBOOK: Category[] = [
  cat(UUID_A, 'Statistic 数据', 0, null, {
    color: '#e0a100',
    description: 'A number, amount or rate. 以数字、数量或比率呈现的事实。',
  }),
  cat('s1', '增长率 & <率>', 1, UUID_A, { description: 'GDP, "growth", 同比\nyear on year' }),
  cat('s2', '=SUM(A1)', 2, UUID_A, { color: '#00aa00', description: '=1+1 ]]> <b>&amp;</b>' }),
  cat('t', 'Target "目标"', 3, null, { description: 'LF\nkept, tab\tkept, emoji 😀' }),
  cat('t1', "it's\ttabbed\nand broken", 4, 't'),
  cat('p', 'Policy 政策措施', 5, null, { color: '#3aa65b', description: '  spaces kept  ' }),
  cat('o', 'Other 其他', 6),
];

const shape = (categories: Category[]) =>
  codebookTree(categories).map(({ category: c, parent }) => ({
    name: c.name,
    parent: parent?.name ?? null,
    color: c.color,
    description: c.description,
  }));

const parsed = (xml: string): CodebookEntry[] => {
  const result = parseQdc(xml);
  if (!result.ok) throw new Error(result.error);
  return result.entries;
};

const importIntoEmpty = (entries: CodebookEntry[]): Category[] => {
  let n = 0;
  return applyMergePlan([], planMerge([], entries, { newId: () => `new-${++n}` }), () => '#888888');
};

describe('escapers', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['"quotes" and \'apostrophes\'', '"quotes" and \'apostrophes\''],
    ['line\nbreak\r\nCRLF\ttab', 'line\nbreak&#13;\nCRLF\ttab'],
    ['\u0000nul\u0008bs\u000bvt\u001fus', 'nulbsvtus'],
    ['lone \ud800 high, lone \udc00 low, pair 😀, \ufffe', 'lone  high, lone  low, pair 😀, '],
    ['中文，“引号”', '中文，“引号”'],
  ])('escapes text %j', (input, output) => {
    expect(escapeXmlText(input)).toBe(output);
  });

  it('escapes attributes so that quotes, tabs and line breaks survive', () => {
    expect(escapeXmlAttribute('a "b" & <c>\t\n\r')).toBe(
      'a &quot;b&quot; &amp; &lt;c&gt;&#9;&#10;&#13;',
    );
  });
});

describe('categoryGuid', () => {
  it('uses an id that is a UUID as it is', () => {
    expect(categoryGuid(UUID_A)).toBe(UUID_A);
  });

  it('derives a stable, distinct, UUID-shaped guid from any other id', () => {
    const guids = ['s1', 's2', 't', '', '1', '中文', 'x'.repeat(1000)].map(categoryGuid);
    for (const guid of guids) {
      expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(guids).size).toBe(guids.length);
    expect(categoryGuid('s1')).toBe(guids[0]);
  });
});

describe('codebookToQdc', () => {
  it('writes the REFI-QDA codebook layout', () => {
    const xml = codebookToQdc([
      cat(UUID_A, 'A & B', 0, null, { color: '#e0a100', description: 'about "A"' }),
      cat('b', 'Child', 1, UUID_A, { color: '#0000ff' }),
      cat('c', 'C', 2, null, { color: 'not a colour' }),
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Claimmark">',
        '  <Codes>',
        `    <Code guid="${UUID_A}" name="A &amp; B" isCodable="true" color="#E0A100">`,
        '      <Description>about "A"</Description>',
        `      <Code guid="${categoryGuid('b')}" name="Child" isCodable="true" color="#0000FF"/>`,
        '    </Code>',
        `    <Code guid="${categoryGuid('c')}" name="C" isCodable="true"/>`,
        '  </Codes>',
        '</CodeBook>',
        '',
      ].join('\n'),
    );
  });

  it('writes well-formed XML, also for an empty codebook', () => {
    expect(XMLValidator.validate(codebookToQdc(CODEBOOK))).toBe(true);
    expect(codebookToQdc([])).toContain('<Codes/>');
    expect(parseQdc(codebookToQdc([]))).toEqual({ ok: true, entries: [], warnings: [] });
  });
});

describe('QDC round trip', () => {
  it('exports and imports into an empty library as the same codebook', () => {
    const back = importIntoEmpty(parsed(codebookToQdc(CODEBOOK)));
    expect(shape(back)).toEqual(shape(CODEBOOK));
    expect(back.map((c) => [c.name, c.order])).toEqual(CODEBOOK.map((c) => [c.name, c.order]));
  });

  it('survives a second round (guids aside)', () => {
    const once = codebookToQdc(CODEBOOK);
    const twice = codebookToQdc(importIntoEmpty(parsed(once)));
    const noGuids = (xml: string) => xml.replace(/guid="[^"]*"/g, 'guid=""');
    expect(noGuids(twice)).toBe(noGuids(once));
  });
});

/** Written the way ATLAS.ti, MAXQDA and QualCoder write theirs. */
const FOREIGN = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<!-- exported by another tool -->
<CodeBook xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd" origin="ATLAS.ti Win 23.4.0" xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="经济 Economy" color="#46AA00" isCodable="true">
      <Description>Numbers &amp; &quot;rates&quot; &#x540C;&#27604;</Description>
      <NoteRef targetGUID="5A1D0C4E-0000-4000-8000-000000000001"/>
      <Code guid="{2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}" name="GDP" isCodable="true" extra="ignored">
        <Description><![CDATA[Gross <domestic> product & more]]></Description>
      </Code>
      <Code guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Inflation" isCodable="true" color="#f0a"/>
    </Code>
    <Code guid="4FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Themes" isCodable="false"/>
  </Codes>
  <Sets>
    <Set name="code group 1" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0">
      <Description>kategorie 1</Description>
      <MemberCode guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" />
    </Set>
  </Sets>
</CodeBook>
`;

describe('parseQdc', () => {
  it('reads a codebook written by another tool, ignoring what it does not need', () => {
    expect(parseQdc(FOREIGN)).toEqual({
      ok: true,
      warnings: [],
      entries: [
        {
          name: '经济 Economy',
          parent: null,
          color: '#46aa00',
          description: 'Numbers & "rates" 同比',
        },
        {
          name: 'GDP',
          parent: '经济 Economy',
          color: null,
          description: 'Gross <domestic> product & more',
        },
        { name: 'Inflation', parent: '经济 Economy', color: '#ff00aa', description: '' },
        { name: 'Themes', parent: null, color: null, description: '' },
      ],
    });
  });

  it('accepts a <CodeBook> in the project namespace, as a .qde holds it', () => {
    const xml =
      '<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes><Code name="A"/></Codes></CodeBook>';
    expect(parsed(xml)).toHaveLength(1);
  });

  it('reads a namespace prefix, attributes in single quotes and no XML declaration', () => {
    const xml =
      "<q:CodeBook xmlns:q='urn:QDA-XML:codebook:1.0'><q:Codes>" +
      "<q:Code guid='x' name=' A ' isCodable='true'><q:Description>d</q:Description></q:Code>" +
      '</q:Codes></q:CodeBook>';
    expect(parsed(xml)).toEqual([{ name: 'A', parent: null, color: null, description: 'd' }]);
  });

  it('flattens codes deeper than two levels into the second level, with a warning', () => {
    const xml =
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' +
      '<Code name="A" isCodable="true"><Code name="B" isCodable="true">' +
      '<Code name="C" isCodable="true"><Code name="D" isCodable="true"/></Code></Code>' +
      '<Code name="E" isCodable="true"/></Code><Code name="F" isCodable="true"/></Codes></CodeBook>';
    const result = parseQdc(xml);
    if (!result.ok) throw new Error(result.error);
    expect(result.entries.map((e) => [e.name, e.parent])).toEqual([
      ['A', null],
      ['B', 'A'],
      ['C', 'A'],
      ['D', 'A'],
      ['E', 'A'],
      ['F', null],
    ]);
    expect(result.warnings).toEqual([
      '2 code(s) nested deeper than two levels were placed under their top-level code: "C", "D"',
    ]);
  });

  it('turns CRLF and CR in descriptions into LF, as the CSV import does', () => {
    const xml =
      '<CodeBook><Codes><Code name="A"><Description>1&#13;&#10;2&#13;3\r\n4</Description></Code></Codes></CodeBook>';
    expect(parsed(xml)[0]?.description).toBe('1\n2\n3\n4');
  });

  it('leaves DOCTYPE entities and unknown entities as written, without expanding them', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
      '<CodeBook><Codes><Code name="x &b; &nbsp; &#0;" isCodable="true"/></Codes></CodeBook>';
    expect(parsed(xml)[0]?.name).toBe('x &b; &nbsp; &#0;');
  });

  it('drops a colour that is not #rgb or #rrggbb, with a warning', () => {
    const result = parseQdc(
      '<CodeBook><Codes><Code name="A" isCodable="true" color="red"/></Codes></CodeBook>',
    );
    expect(result).toEqual({
      ok: true,
      entries: [{ name: 'A', parent: null, color: null, description: '' }],
      warnings: ['Colours that are not #rrggbb were ignored: "A" (red)'],
    });
  });

  const codes = (inner: string) =>
    `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${inner}</Codes></CodeBook>`;

  it.each([
    ['', 'The file is empty'],
    ['name,parent,color\nA,,', 'Not well-formed XML (line 1, column 1)'],
    ['{"codes": []}', 'Not well-formed XML'],
    ['<CodeBook><Codes><Code name="A"></Codes></CodeBook>', 'Not well-formed XML (line 1'],
    [
      '<?xml version="1.0"?>\n<CodeBook>\n<Codes a="1" a="2"/></CodeBook>',
      "Not well-formed XML (line 3, column 14): Attribute 'a' is repeated",
    ],
    [
      '<?xml version="1.0"?><!-- only a comment -->',
      'Not well-formed XML (line 1): Start tag expected',
    ],
    ['<a/><b/>', 'more than one root element'],
    [
      '<html><body/></html>',
      'The root element is <html>, not <CodeBook>: this is not a REFI-QDA codebook',
    ],
    [
      '<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook/></Project>',
      'this is a REFI-QDA project',
    ],
    [
      '<CodeBook xmlns="http://example.com/x"><Codes/></CodeBook>',
      'in the namespace "http://example.com/x"',
    ],
    ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', 'The <CodeBook> has no <Codes> element'],
    [
      codes('<Code name="A" isCodable="true"/><Code guid="G-2" isCodable="true"/>'),
      'The <Code> number 2 at the top level (guid G-2) has no name attribute',
    ],
    [
      codes('<Code name="A" isCodable="true"><Code name="  " isCodable="true"/></Code>'),
      'The <Code> number 1 under "A" has an empty name',
    ],
    [
      codes(
        '<Code name="A" isCodable="true"><Code name="Other"/></Code><Code name="B"><Code name="Other"/></Code>',
      ),
      'The name "Other" is used by two codes (under "A" and under "B")',
    ],
    ['<CodeBook><Codes><__proto__/></Codes></CodeBook>', 'The XML could not be read: '],
  ])('refuses %j with a message that says what is wrong', (xml, message) => {
    const result = parseQdc(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
