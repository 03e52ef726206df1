// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileReadResult } from '../../shared/file-errors';
import { detectStructure } from '../../shared/structure';
import { ClaimmarkDB } from '../db/db';
import { setReflow } from '../reader/reflow-choice';
import { replaceText } from '../reader/replace-text';
import { docxBytes } from '../../shared/test-support/docx-file';
import { runDecodeJob } from './decode-job';
import { importFiles, reopenAs } from './import-files';

const NOW = '2026-01-02T03:04:05.000Z';
const body =
  '国家统计局今天发布数据，前三季度全国规模以上工业增加值同比增长百分之五点八，' +
  '高技术制造业增长明显，专家认为经济运行总体平稳、稳中有进。';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>工业增加值增长 - 新闻网</title>
<meta property="article:published_time" content="2025-10-20">
<meta name="author" content="记者 张三"></head><body>
<nav><a href="/">首页</a> <a href="/a">国际</a></nav>
<article><h1>工业增加值增长</h1><p>${body}</p><h2>外资企业</h2><p>${body}${body}</p></article>
</body></html>`;

const read = (name: string, bytes: Uint8Array): FileReadResult => ({
  ok: true,
  file: { name, bytes },
});

let db: ClaimmarkDB;
const deps = () => ({ db, decode: runDecodeJob, now: () => new Date(NOW) });

beforeEach(async () => {
  db = new ClaimmarkDB(`formats-test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('importing a saved web page', () => {
  it('stores the article text unreflowed, its format, headings, byline, date and the original bytes', async () => {
    const bytes = new TextEncoder().encode(PAGE);
    const [outcome] = await importFiles([read('page.html', bytes)], deps());
    if (outcome?.kind !== 'added') throw new Error(outcome?.kind);
    const { doc } = outcome;
    const text = (await db.texts.get(doc.id))?.text ?? '';
    expect(text).not.toContain('首页');
    expect(doc).toMatchObject({
      format: 'html',
      title: '工业增加值增长',
      byline: '记者 张三',
      date: '2025-10-20',
      reflow: null,
      sha256: await sha256(text),
    });
    expect(await db.originals.get(doc.id)).toBeUndefined();
    expect((await db.sources.get(doc.id))?.bytes).toEqual(bytes);
    const outline = detectStructure(text, doc.headingOverrides, doc.headings).outline;
    expect(outline.map((o) => [o.level, o.title])).toEqual([
      [1, '工业增加值增长'],
      [2, '外资企业'],
    ]);
    // The same page saved again is the same document.
    const [again] = await importFiles([read('copy.htm', bytes)], deps());
    expect(again?.kind).toBe('existing');
    // No encoding to choose for an extracted document.
    expect(await reopenAs(doc.id, 'gb18030', deps())).toEqual({ kind: 'unchanged' });
  });

  it('keeps plain text documents as they were: no format fields', async () => {
    const [outcome] = await importFiles(
      [read('a.txt', new TextEncoder().encode(`标题\n${body}\n`))],
      deps(),
    );
    expect(outcome?.kind === 'added' && outcome.doc.format).toBeUndefined();
  });
});

describe('importing a Word file', () => {
  it('titles the document as the file does, with no byline or date from its properties', async () => {
    const bytes = docxBytes([{ text: '工业增加值增长', style: 'Heading1' }, { text: body }], {
      core: {
        title: '前三季度工业数据',
        creator: 'Administrator',
        created: '2020-01-01T00:00:00Z',
      },
    });
    const [outcome] = await importFiles([read('report.docx', bytes)], deps());
    if (outcome?.kind !== 'added') throw new Error(outcome?.kind);
    expect(outcome.doc).toMatchObject({ format: 'docx', title: '前三季度工业数据' });
    expect(outcome.doc.byline).toBeUndefined();
    expect(outcome.doc.date).toBeUndefined();
  });
});

describe('an extracted document is never reflowed', () => {
  it('has the reflow refused and its text left as extracted', async () => {
    const [outcome] = await importFiles(
      [read('page.html', new TextEncoder().encode(PAGE))],
      deps(),
    );
    if (outcome?.kind !== 'added') throw new Error(outcome?.kind);
    const before = await db.texts.get(outcome.doc.id);
    await expect(setReflow(db, outcome.doc.id, true)).rejects.toThrow(/cannot be reflowed/);
    await setReflow(db, outcome.doc.id, false);
    expect(await db.texts.get(outcome.doc.id)).toEqual(before);
    expect(await db.documents.get(outcome.doc.id)).toEqual(outcome.doc);
    expect(await db.originals.get(outcome.doc.id)).toBeUndefined();
  });
});

describe('refusing a broken file', () => {
  it('names the file and stores nothing for a .docx that is not a zip', async () => {
    const [outcome] = await importFiles(
      [read('报告.docx', new TextEncoder().encode('plain words'))],
      deps(),
    );
    expect(outcome).toEqual({
      kind: 'rejected',
      error: { name: '报告.docx', code: 'damaged', detail: 'it is not a zip archive' },
    });
    expect(await db.documents.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('sends a .pdf to the PDF importer', async () => {
    const [outcome] = await importFiles(
      [read('paper.pdf', new TextEncoder().encode('%PDF-1.7\n'))],
      deps(),
    );
    expect(outcome?.kind === 'rejected' && outcome.error.code).not.toBe('binary');
    expect(await db.documents.count()).toBe(0);
  });
});

describe('Replace text… with another format', () => {
  it('takes a web page for a text document, and gives the record its headings', async () => {
    const [first] = await importFiles(
      [read('a.txt', new TextEncoder().encode(`工业增加值增长\n${body}\n`))],
      deps(),
    );
    if (first?.kind !== 'added') throw new Error('not added');
    const outcome = await replaceText(
      db,
      first.doc.id,
      { name: 'page.html', bytes: new TextEncoder().encode(PAGE) },
      runDecodeJob,
    );
    expect(outcome.kind).toBe('replaced');
    const doc = await db.documents.get(first.doc.id);
    expect(doc?.format).toBe('html');
    expect(doc?.headings?.length).toBe(2);
  });
});
