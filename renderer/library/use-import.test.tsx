// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileReadResult } from '../../shared/file-errors';
import type { DocumentRecord } from '../../shared/types';
import Dexie from 'dexie';
import { db } from '../db/instance';
import { useDocuments } from '../db/library-list';
import { I18nProvider } from '../i18n/i18n';
import type { Language } from '../i18n/strings';
import { NoticeProvider } from '../ui/notices';
import { useImport } from './use-import';

const ARTICLE =
  'Grain output hits record\nBEIJING - China harvested 695 million tonnes of grain last year, ' +
  'the statistics bureau said on Friday, up 1.3 percent from the year before.\n';
const CHINESE =
  '国家统计局发布2025年粮食产量数据\n新华社北京1月2日电 国家统计局今日发布数据显示，' +
  '去年全国粮食总产量达到13908亿斤，比上年增加177.6亿斤，增长1.3%。\n';

const file = (name: string, bytes: Uint8Array): FileReadResult => ({
  ok: true,
  file: { name, bytes },
});
const utf8 = (s: string) => new TextEncoder().encode(s);
const withNuls = (s: string, every: number) =>
  utf8([...s].map((ch, i) => (i > 0 && i % every === 0 ? `\0${ch}` : ch)).join(''));

/** A PNG: signature, IHDR, then an IDAT of noise. */
const png = (): Uint8Array =>
  new Uint8Array([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52],
    ...[0, 0, 0, 0x40, 0, 0, 0, 0x40, 8, 2, 0, 0, 0, 0x25, 0x0b, 0xe6, 0x89, 0, 0, 0x07, 0xd0],
    ...[0x49, 0x44, 0x41, 0x54],
    ...Array.from({ length: 2000 }, (_, i) => (i * 151 + 7) % 256),
  ]);

let runImport: (results: FileReadResult[]) => Promise<void> = async () => {};
const opened = vi.fn();
let openNow: string | null = null;

function Harness() {
  runImport = useImport(opened, () => openNow);
  const docs = useDocuments();
  return (
    <ul aria-label="Library">
      {docs?.map((d) => (
        <li key={d.id}>{d.fileName}</li>
      ))}
    </ul>
  );
}

function show(language: Language = 'en') {
  render(
    <I18nProvider language={language}>
      <NoticeProvider>
        <Harness />
      </NoticeProvider>
    </I18nProvider>,
  );
}

const statuses = () =>
  screen.queryAllByRole('status').map((n) => n.querySelector('span')?.textContent);
const alerts = () =>
  screen.queryAllByRole('alert').map((n) => n.querySelector('span')?.textContent);

beforeEach(async () => {
  opened.mockReset();
  openNow = null;
  await db.open();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);
afterAll(() => db.delete());

describe('the import notice', () => {
  it('names the one file imported', async () => {
    show();
    await act(() => runImport([file('article.txt', utf8(ARTICLE))]));
    expect(statuses()).toEqual(['Imported “article.txt”.']);
    expect(opened).toHaveBeenCalled();
  });

  it('names each file of a small batch', async () => {
    show();
    await act(() =>
      runImport([
        file('a.txt', utf8(ARTICLE)),
        file('b.txt', iconv.encode(CHINESE, 'gb18030')),
        file('c.txt', utf8(`${ARTICLE}More.\n`)),
      ]),
    );
    expect(statuses()).toEqual(['Imported 3 files: “a.txt”, “b.txt”, “c.txt”.']);
  });

  it('warns about a damaged file by name, with the count and the first line, and keeps it', async () => {
    show();
    const cut = utf8(`${ARTICLE}${CHINESE}完`).slice(0, -1);
    const nuls = withNuls(ARTICLE.repeat(20), 1000);
    await act(() => runImport([file('cut.txt', cut), file('x.txt', nuls)]));

    expect(statuses()).toEqual([
      '“cut.txt”: 1 byte sequence could not be decoded (on line 5); it shows as �.',
      '“x.txt”: 3 stray NUL characters were removed.',
      'Imported 2 files: “cut.txt”, “x.txt”.',
    ]);
    const docs = await db.documents.toArray();
    expect(docs.map((d) => d.fileName).sort()).toEqual(['cut.txt', 'x.txt']);
    const x = docs.find((d) => d.fileName === 'x.txt');
    expect((await db.texts.get(x?.id ?? ''))?.text).toBe(ARTICLE.repeat(20));
  });

  it('says it in Chinese', async () => {
    show('zh');
    const nuls = withNuls(CHINESE, 50);
    await act(() => runImport([file('粮食.txt', nuls)]));
    expect(statuses()).toEqual(['已删除“粮食.txt”中夹杂的 1 个 NUL 字符。', '已导入“粮食.txt”。']);
  });

  it('refuses a PNG by name and imports the rest of the batch', async () => {
    show();
    await act(() => runImport([file('photo.png', png()), file('article.txt', utf8(ARTICLE))]));
    expect(alerts()).toEqual([
      '“photo.png” is not a text file (it looks binary); nothing was imported.',
    ]);
    expect(statuses()).toEqual(['Imported “article.txt”.']);
    expect(await db.documents.count()).toBe(1);
  });
});

/** A document in the library before the import. */
const EARLIER: DocumentRecord = {
  id: 'earlier',
  sha256: 'f'.repeat(64),
  title: 'Earlier',
  fileName: 'earlier.txt',
  encoding: 'utf-8',
  bom: false,
  length: 7,
  addedAt: new Date(0).toISOString(),
  reflow: null,
};

describe('a document shown before it is stored', () => {
  const rows = () => screen.getAllByRole('listitem').map((li) => li.textContent);

  it('is open and in the list before its write, and listed once when stored', async () => {
    await db.documents.add(EARLIER);
    show();
    await waitFor(() => expect(rows()).toEqual(['earlier.txt']));
    // What the library holds at the moment the document is opened.
    const storedWhenOpened: Promise<unknown>[] = [];
    opened.mockImplementation((id: string) => storedWhenOpened.push(db.documents.get(id)));
    await act(() => runImport([file('article.txt', utf8(ARTICLE))]));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(await Promise.all(storedWhenOpened)).toEqual([undefined]);
    expect(await db.documents.count()).toBe(2);
    await waitFor(() => expect(rows().sort()).toEqual(['article.txt', 'earlier.txt']));
  });

  it('in a batch, is the last file alone: the ones before it are stored by the time it opens', async () => {
    show();
    const seen: Promise<[number, unknown]>[] = [];
    opened.mockImplementation((id: string) =>
      seen.push(Promise.all([db.documents.count(), db.documents.get(id)])),
    );
    await act(() =>
      runImport([
        file('a.txt', utf8(ARTICLE)),
        file('b.txt', iconv.encode(CHINESE, 'gb18030')),
        file('c.txt', utf8(`${ARTICLE}More.\n`)),
      ]),
    );
    expect(opened).toHaveBeenCalledTimes(1);
    expect(await Promise.all(seen)).toEqual([[2, undefined]]);
    await waitFor(() => expect(rows().sort()).toEqual(['a.txt', 'b.txt', 'c.txt']));
  });

  it('is taken back when its write fails: gone from the list, the document open before it back', async () => {
    await db.documents.add(EARLIER);
    show();
    await waitFor(() => expect(rows()).toEqual(['earlier.txt']));
    openNow = 'earlier';
    vi.spyOn(db.sources, 'add').mockImplementation(() =>
      Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    );
    await act(() => runImport([file('article.txt', utf8(ARTICLE))]));
    vi.restoreAllMocks();
    const first = opened.mock.calls[0]?.[0] as string;
    expect(opened.mock.calls.map(([id]) => id)).toEqual([first, 'earlier']);
    expect(first).not.toBe('earlier');
    expect(alerts()).toEqual([expect.stringContaining('“article.txt”')]);
    expect(rows()).toEqual(['earlier.txt']);
    expect(await db.documents.count()).toBe(1);
  });

  it('is not shown twice: a file whose text is in the library opens the document there', async () => {
    show();
    await act(() => runImport([file('article.txt', utf8(ARTICLE))]));
    const [id] = opened.mock.calls[0] as [string];
    opened.mockReset();
    await act(() => runImport([file('copy.txt', utf8(ARTICLE))]));
    expect(opened.mock.calls).toEqual([[id]]);
    expect(rows()).toEqual(['article.txt']);
  });
});
