import { describe, expect, it } from 'vitest';
import { codebookToQdc } from '../codebook-qdc';
import { schemaErrors, unavailable } from '../test-support/node/xmllint';
import { writeProject } from './qde-write';
import { packProject, unpackProject } from './qdpx';
import { PROJECT, TEXT_A } from './test-project';

const attrs = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element} ([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries(
      [...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]] as const),
    ),
  );

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#10;/g, '\n')
    .replace(/&#13;/g, '\r')
    .replace(/&#9;/g, '\t')
    .replace(/&amp;/g, '&');

describe.skipIf(unavailable !== null)('REFI-QDA files against the official schemas', () => {
  it('project.qde is valid against Project.xsd', () => {
    expect(schemaErrors(writeProject(PROJECT).qde, 'Project.xsd')).toBe('');
  });

  it('a project of one document without annotations or coders is valid too', () => {
    const { qde } = writeProject({ ...PROJECT, annotations: [], categories: [] });
    expect(schemaErrors(qde, 'Project.xsd')).toBe('');
  });

  it('the codebook .qdc is valid against Codebook.xsd', () => {
    expect(schemaErrors(codebookToQdc(PROJECT.categories), 'Codebook.xsd')).toBe('');
  });

  it('a schema violation is caught (the check itself can fail)', () => {
    const broken = writeProject(PROJECT).qde.replace('startPosition="', 'startPosition="x');
    expect(schemaErrors(broken, 'Project.xsd')).toMatch(/startPosition/);
  });
});

describe('writeProject', () => {
  const written = writeProject(PROJECT);

  it('counts positions in code points, end exclusive: each slices to its quote', () => {
    const texts = new Map(written.sources.map((s) => [s.path, s.text]));
    const sources = attrs(written.qde, 'TextSource');
    let checked = 0;
    for (const block of written.qde.split('<TextSource ').slice(1)) {
      const guid = /guid="([^"]+)"/.exec(block)?.[1];
      const text = texts.get(`sources/${guid}.txt`) ?? '';
      for (const s of attrs(block, 'PlainTextSelection')) {
        const points = [...text];
        const quote = points.slice(Number(s.startPosition), Number(s.endPosition)).join('');
        expect(quote).toBe(unescape(s.name ?? ''));
        checked++;
      }
    }
    expect(sources).toHaveLength(2);
    expect(checked).toBe(4); // the orphan has no place to write
    expect(written.orphans).toBe(1);
    // 𠀀𠀀 before it: two code points, four UTF-16 units.
    const [first] = attrs(written.qde, 'PlainTextSelection');
    expect(Number(first?.startPosition)).toBe(TEXT_A.indexOf('经济增长') - 2);
  });

  it('writes the coders as Users and refers to them from selections', () => {
    const users = attrs(written.qde, 'User');
    expect(users.map((u) => u.name)).toEqual(['Ana', '李明']);
    const [first] = attrs(written.qde, 'PlainTextSelection');
    const guidOf = (name: string) => users.find((u) => u.name === name)?.guid;
    expect(first?.creatingUser).toBe(guidOf('李明'));
    expect(first?.modifyingUser).toBe(guidOf('Ana'));
  });

  it('writes the codebook with its hierarchy and colours, and notes and claim fields', () => {
    expect(written.qde).toMatch(
      /<Code guid="[^"]+" name="Statistic 数据" isCodable="true" color="#E0A100">\s*<Description>Numbers &lt;as&gt; fact<\/Description>\s*<Code guid="[^"]+" name="GDP"/,
    );
    expect(written.qde).toContain(
      '<PlainTextContent>需要核实&#13;\n第二行 &amp; &lt;b&gt;</PlainTextContent>',
    );
    expect(written.qde).toContain(
      '<Description>Status: disputed\nSpeaker: 政府\nEvidence: http://example.org/a\nsecond line</Description>',
    );
    const noteGuid = attrs(written.qde, 'Note')[0]?.guid;
    expect(attrs(written.qde, 'NoteRef').map((r) => r.targetGUID)).toEqual([noteGuid]);
  });

  it('gives the same guids on every export of the same library', () => {
    const again = writeProject({ ...PROJECT, now: new Date('2027-01-01T00:00:00Z') });
    const guids = (xml: string) =>
      [...xml.matchAll(/(?:guid|GUID|User)="([^"]+)"/g)].map((m) => m[1]);
    expect(guids(again.qde)).toEqual(guids(written.qde));
    expect(new Set(guids(written.qde).filter((g) => !g?.includes(' '))).size).toBeGreaterThan(10);
    expect(packProject(writeProject(PROJECT))).toEqual(packProject(written));
  });

  it('zips project.qde and sources/<guid>.txt in UTF-8 with LF and no BOM', () => {
    const unpacked = unpackProject(packProject(written));
    if (!unpacked.ok) throw new Error(unpacked.error);
    expect(unpacked.archive.qdePath).toBe('project.qde');
    const paths = [...unpacked.archive.files.values()].map((f) => f.path);
    expect(paths).toEqual(written.sources.map((s) => s.path));
    const first = unpacked.archive.files.get(paths[0] ?? '')?.bytes ?? new Uint8Array();
    expect(first[0]).not.toBe(0xef);
    expect(new TextDecoder().decode(first)).toBe(TEXT_A);
    for (const s of attrs(written.qde, 'TextSource'))
      expect(s.plainTextPath).toBe(`internal://${s.guid}.txt`);
  });
});
