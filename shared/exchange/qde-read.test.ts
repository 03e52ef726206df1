import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject, type ReadProjectResult } from './qde-read';
import { writeProject } from './qde-write';
import { packProject, unpackProject } from './qdpx';
import { ANNOTATIONS, PROJECT, TEXT_A } from './test-project';

function read(bytes: Uint8Array): ReadProjectResult {
  const unpacked = unpackProject(bytes);
  return unpacked.ok ? readProject(unpacked.archive) : unpacked;
}

function ok(result: ReadProjectResult) {
  if (!result.ok) throw new Error(result.error);
  return result.project;
}

const zip = (files: Record<string, string | Uint8Array>) =>
  zipSync(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
    ),
  );

const G = (n: number) => `{0000000${n}-AAAA-4BBB-8CCC-DDDDDDDDDDDD}`;
const g = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`;

/** A project as another tool writes it: CRLF text with a BOM under Sources/, braces in guids, extra elements. */
const OTHER_TEXT = 'Headline\r\nThe minister said 𠀀 growth is 5%.\r\nSecond line here.';
const quoteAt = (text: string, quote: string) => {
  const unit = text.indexOf(quote);
  const start = [...text.slice(0, unit)].length;
  return { start, end: start + [...quote].length };
};
function otherTool(selections: string, extra = '') {
  return `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- written by another tool -->
<Project xmlns="urn:QDA-XML:project:1.0" name="Team" origin="OtherQDA 2024">
  <Users><User guid="${G(1)}" id="MK"/><User guid="${G(2)}" name="Lee"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(3)}" name="Economy" isCodable="true" color="#00f">
      <Description>Money</Description>
      <Code guid="${G(4)}" name="Growth" isCodable="true">
        <Code guid="${G(5)}" name="GDP growth" isCodable="false" color="#123456"/>
      </Code>
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(6)}" name="Year" typeOfVariable="Integer"/></Variables>
  <Cases><Case guid="${G(7)}" name="Case 1"/></Cases>
  <Sources>
    <TextSource guid="${G(8)}" name="Interview 1" plainTextPath="internal://${G(8)}.txt" creationDateTime="2024-05-01T10:00:00Z">
      ${selections}
      <Coding guid="${G(9)}"><CodeRef targetGUID="${G(3)}"/></Coding>
    </TextSource>
    <PictureSource guid="${g(0)}" name="photo" path="internal://photo.png"/>
  </Sources>
  <Notes><Note guid="${G(2).replace('2-', '6-')}" name="memo"><PlainTextContent>A memo&#13;
on growth</PlainTextContent></Note></Notes>
  <Sets><Set guid="${G(1).replace('1-', '7-')}" name="set"/></Sets>
  ${extra}
</Project>`;
}
const SELECTION = (() => {
  const { start, end } = quoteAt(OTHER_TEXT, 'growth is 5%');
  return `<PlainTextSelection guid="${G(9).replace('9-', '8-')}" name="growth is 5%" startPosition="${start}" endPosition="${end}" creatingUser="${G(2)}" creationDateTime="2024-05-02T10:00:00Z">
        <Coding guid="${G(9).replace('9-', '5-')}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(5)}"/><NoteRef targetGUID="${G(2).replace('2-', '6-')}"/></Coding>
        <Unknown foo="bar"/>
      </PlainTextSelection>`;
})();
const otherArchive = (selections = SELECTION, extra = '') =>
  zip({
    'Team Project.qde': otherTool(selections, extra),
    [`Sources/${G(8)}.txt`]: '\uFEFF' + OTHER_TEXT,
    'Sources/photo.png': new Uint8Array([137, 80, 78, 71]),
  });

describe('readProject: what Claimmark writes', () => {
  it('reads back codes, sources, positions, coders, notes and claim fields', () => {
    const project = ok(read(packProject(writeProject(PROJECT))));
    expect(project.codes.map((c) => [c.name, c.color, c.parentGuid !== null])).toEqual([
      ['Statistic 数据', '#e0a100', false],
      ['GDP', '#aa3300', true],
      ['Target 目标', '#2f8fd8', false],
    ]);
    const [a, b] = project.sources;
    expect(a?.text).toBe(TEXT_A);
    expect(a?.guid).toBe(PROJECT.documents[0]?.doc.id);
    const first = a?.selections[0];
    const original = ANNOTATIONS[0];
    expect(first).toMatchObject({
      guid: original?.id,
      start: original?.start,
      end: original?.end,
      quote: original?.quote,
      placement: 'kept',
      createdBy: '李明',
      updatedBy: 'Ana',
      createdAt: original?.createdAt,
      updatedAt: original?.updatedAt,
      status: 'disputed',
      speaker: '政府',
      evidence: 'http://example.org/a\nsecond line',
      // The note's CRLF is kept as the analyst typed it... as LF, the way Claimmark stores text.
      note: '需要核实\n第二行 & <b>',
    });
    expect(a?.selections.map((s) => s.createdBy)).toEqual(['李明', '李明', '']);
    expect(b?.selections.map((s) => s.quote)).toEqual(['claim & <markup>']);
    expect([project.moved, project.unplaced]).toEqual([0, 0]);
  });
});

describe('readProject: what other tools write', () => {
  it('takes a .qde of any name, Sources/ in any case, a BOM, CRLF, braces and unknown elements', () => {
    const project = ok(read(otherArchive()));
    const [source] = project.sources;
    expect(project.sources).toHaveLength(1);
    expect(source?.name).toBe('Interview 1');
    expect(source?.bom).toBe(true);
    expect(source?.text).toBe(OTHER_TEXT.replace(/\r\n/g, '\n'));
    const [s] = source?.selections ?? [];
    // Positions counted with CRLF as two code points land on the quote in the LF text.
    expect(s && source?.text.slice(s.start, s.end)).toBe('growth is 5%');
    expect(s).toMatchObject({
      guid: g(8).replace('8-', '8-'),
      placement: 'kept',
      createdBy: 'Lee',
      note: 'A memo\non growth',
      codeGuids: [g(5)],
    });
    expect(project.codes.map((c) => [c.name, c.parentGuid, c.color])).toEqual([
      ['Economy', null, '#0000ff'],
      ['Growth', g(3), null],
      // Three levels deep: placed under its top-level code.
      ['GDP growth', g(3), '#123456'],
    ]);
    expect(project.warnings.join(' ')).toMatch(/1 code\(s\) nested deeper/);
    expect(project.warnings.join(' ')).toMatch(/PictureSource/);
    expect(project.warnings.join(' ')).toMatch(/whole sources/);
  });

  it('looks for a quote that is not at its position nearby, and counts what it cannot place', () => {
    const { start, end } = quoteAt(OTHER_TEXT, 'growth is 5%');
    const shifted = `<PlainTextSelection guid="${G(1)}" name="growth is 5%" startPosition="${start - 3}" endPosition="${end - 3}"/>
      <PlainTextSelection guid="${G(2)}" name="words nowhere in it" startPosition="0" endPosition="5"/>
      <PlainTextSelection guid="${G(3)}" name="Second line" startPosition="900" endPosition="911"/>`;
    const project = ok(read(otherArchive(shifted)));
    const [moved, lost, far] = project.sources[0]?.selections ?? [];
    const text = project.sources[0]?.text ?? '';
    expect(moved?.placement).toBe('moved');
    expect(text.slice(moved?.start, moved?.end)).toBe('growth is 5%');
    expect(lost).toMatchObject({ placement: 'orphaned', quote: 'words nowhere in it' });
    expect(far?.placement).toBe('moved');
    expect(text.slice(far?.start, far?.end)).toBe('Second line');
    expect([project.moved, project.unplaced]).toEqual([2, 1]);
  });

  it('reads the text of a source given inline as PlainTextContent', () => {
    const xml = otherTool('')
      .replace(`plainTextPath="internal://${G(8)}.txt" `, '')
      .replace('<Coding guid', '<PlainTextContent>Inline text</PlainTextContent><Coding guid');
    expect(ok(read(zip({ 'p.qde': xml }))).sources[0]?.text).toBe('Inline text');
  });
});

describe('readProject: malformed files are refused, naming the element and the reason', () => {
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['not a zip', () => strToU8('<Project/>'), /not a zip archive/],
    ['no project file', () => zip({ 'sources/a.txt': 'x' }), /no \.qde project file/],
    [
      'two project files',
      () => zip({ 'a.qde': '<Project/>', 'b.qde': '<Project/>' }),
      /2 project files/,
    ],
    [
      'not XML',
      () => zip({ 'p.qde': '<Project name="x"><Sources></Project>' }),
      /p\.qde: Not well-formed XML \(line 1/,
    ],
    [
      'another root',
      () => zip({ 'p.qde': '<CodeBook/>' }),
      /root element is <CodeBook>, not <Project>/,
    ],
    [
      'a selection without startPosition',
      () => otherArchive(`<PlainTextSelection guid="${G(1)}" endPosition="4"/>`),
      /<PlainTextSelection guid="00000001-aaaa-4bbb-8ccc-dddddddddddd"> of <TextSource name="Interview 1">: has no startPosition/,
    ],
    [
      'a position that is not a number',
      () => otherArchive(`<PlainTextSelection guid="${G(1)}" startPosition="-1" endPosition="4"/>`),
      /startPosition "-1" is not a whole number/,
    ],
    [
      'an end before its start',
      () => otherArchive(`<PlainTextSelection guid="${G(1)}" startPosition="9" endPosition="4"/>`),
      /endPosition 4 is before startPosition 9/,
    ],
    [
      'a CodeRef to no code',
      () =>
        otherArchive(
          `<PlainTextSelection guid="${G(1)}" startPosition="0" endPosition="4"><Coding guid="${G(2)}"><CodeRef targetGUID="${g(0)}"/></Coding></PlainTextSelection>`,
        ),
      /<CodeRef targetGUID="00000000-aaaa-4bbb-8ccc-dddddddddddd"> in .*: no code in the CodeBook has this guid/,
    ],
    [
      'a guid that is not a GUID',
      () => otherArchive(`<PlainTextSelection guid="sel-1" startPosition="0" endPosition="4"/>`),
      /<PlainTextSelection> number 1 of <TextSource name="Interview 1">: guid "sel-1" is not a GUID/,
    ],
    [
      'a missing source file',
      () => zip({ 'p.qde': otherTool('') }),
      /<TextSource name="Interview 1">: its text sources\/\{00000008-AAAA-4BBB-8CCC-DDDDDDDDDDDD\}\.txt is missing/,
    ],
    [
      'a source outside the project',
      () =>
        zip({ 'p.qde': otherTool('').replace(`internal://${G(8)}.txt`, 'absolute://C:/a.txt') }),
      /plainTextPath "absolute:\/\/C:\/a\.txt"\) is not inside the project/,
    ],
    [
      'a source that is not UTF-8',
      () =>
        zip({
          'p.qde': otherTool(''),
          [`sources/${G(8)}.txt`]: new Uint8Array([0xc4, 0xe3, 0xba]),
        }),
      /<TextSource name="Interview 1">: its text is not UTF-8/,
    ],
  ];
  it.each(cases)('%s', (_, archive, error) => {
    const result = read(archive());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
