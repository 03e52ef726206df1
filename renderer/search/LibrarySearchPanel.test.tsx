// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchLibrary } from '../../shared/find';
import type { DocumentRecord } from '../../shared/types';
import { db } from '../db/instance';
import { I18nProvider } from '../i18n/i18n';
import type { Language } from '../i18n/strings';
import { LibrarySearchPanel } from './LibrarySearchPanel';

const DOCS = 12;
const QUERY = '２０２３年１月';

function documentOf(id: string, text: string): DocumentRecord {
  return {
    id,
    sha256: id,
    title: `Report ${id}`,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: text.length,
    addedAt: '2026-01-01T00:00:00.000Z',
    reflow: null,
  };
}

beforeAll(async () => {
  await db.open();
  await Promise.all(db.tables.map((table) => table.clear()));
  // Big enough that the engine reads them in several batches.
  const texts = Array.from({ length: DOCS }, (_, i) => ({
    docId: `doc-${String(i).padStart(2, '0')}`,
    text: `${'经济运行稳中向好，'.repeat(4000)}\n2023年1月，第${i}份报告发布。\n`,
  }));
  await db.texts.bulkPut(texts);
  await db.documents.bulkPut(texts.map((t) => documentOf(t.docId, t.text)));
});
afterEach(cleanup);
afterAll(() => db.delete());

/** Each state the panel showed: its status line and how many hits were on screen. */
function watch(): { status: string; hits: number }[] {
  const seen: { status: string; hits: number }[] = [];
  const observer = new MutationObserver(() => {
    const status = document.querySelector('.library-search .hint')?.textContent ?? '';
    const hits = document.querySelectorAll('.library-search .search-hit').length;
    const last = seen.at(-1);
    if (!last || last.status !== status || last.hits !== hits) seen.push({ status, hits });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return seen;
}

function show(language: Language) {
  render(
    <I18nProvider language={language}>
      <LibrarySearchPanel onChoose={() => {}} onClose={() => {}} />
    </I18nProvider>,
  );
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: QUERY } });
}

describe('LibrarySearchPanel', () => {
  it('shows hits as documents are searched, how far it got, then the count of all (Chinese)', async () => {
    const want = searchLibrary(await db.texts.toArray(), [], QUERY);
    expect(want).toHaveLength(DOCS);
    const seen = watch();
    show('zh');
    const final = `在 ${DOCS} 篇文档中找到 ${DOCS} 处`;
    await waitFor(() => expect(seen.at(-1)).toEqual({ status: final, hits: DOCS }), {
      timeout: 10_000,
    });
    const progress = seen.filter((s) => /^正在搜索……已查 \d+\/12 篇文档$/.test(s.status));
    expect(progress.length).toBeGreaterThan(0);
    // The first hits were on screen while the rest of the library was still being read.
    expect(progress.some((s) => s.hits > 0 && s.hits < DOCS)).toBe(true);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(
      want.map((h) => `Report ${h.docId}`),
    );
  });

  it('keeps what it read for the next time the panel opens (English)', async () => {
    const seen = watch();
    show('en');
    await screen.findByText(`${DOCS} matches in ${DOCS} documents`);
    expect(seen.some((s) => /of 12 documents/.test(s.status))).toBe(false);
    expect(screen.getAllByRole('button', { name: /2023年1月/ })).toHaveLength(DOCS);
  });
});
