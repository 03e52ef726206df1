// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord } from '../../shared/types';
import { annotation, doc } from '../all-annotations/fixtures';
import { AnnotationStore } from '../annotations/store';
import { useDocuments } from '../db/hooks';
import { db } from '../db/instance';
import { publishOpenCount } from '../db/open-count';
import { ConfirmProvider } from '../ui/confirm';
import { flushDialogTasks, installFakeDialog } from '../ui/fake-dialog';
import { ALL_ROWS_UP_TO, Library } from './Library';

/** What jsdom cannot lay out: the pane is 400 px high, every row 80 px, and it scrolls far. */
const PANE = 400;
const ROW = 80;

beforeAll(() => {
  installFakeDialog();
  for (const [name, value] of [
    ['clientHeight', PANE],
    ['clientWidth', 300],
    ['offsetHeight', ROW],
    ['scrollHeight', 1_000_000],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, value });
  }
  // The virtualiser scrolls its element to show a row; jsdom keeps scrollTop but fires nothing.
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});
beforeEach(async () => {
  await Promise.all([db.documents.clear(), db.texts.clear(), db.annotations.clear()]);
});
afterEach(() => {
  cleanup();
  flushDialogTasks();
});
afterAll(() => db.delete());

/** Documents added a minute apart, the last the newest; their titles in another order. */
function library(n: number): DocumentRecord[] {
  return Array.from({ length: n }, (_, i) =>
    doc(`d${i}`, `Report ${(i * 7) % n}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()),
  );
}

const list = () => screen.getByRole('list', { name: 'Library' });
const rows = () => within(list()).queryAllByRole('listitem');
const titles = () => rows().map((r) => r.querySelector('.doc-title')?.textContent);
const row = (title: string) => {
  const found = rows().find((r) => r.querySelector('.doc-title')?.textContent === title);
  if (!found) throw new Error(`no row titled ${title}`);
  return found;
};
const countOf = (title: string) => row(title).querySelector('.doc-count')?.textContent;

function scrollTo(top: number) {
  const pane = screen.getByRole('navigation', { name: 'Library' });
  act(() => {
    pane.scrollTop = top;
    fireEvent.scroll(pane);
  });
}

/** The library as the workspace shows it: with the document list it reads. */
function Shown({
  currentId,
  onDeleted,
}: {
  currentId: string | null;
  onDeleted(id: string): void;
}) {
  const docs = useDocuments();
  return <Library docs={docs} currentId={currentId} onOpen={vi.fn()} onDeleted={onDeleted} />;
}

function show(currentId: string | null = null, onDeleted = vi.fn()) {
  return render(
    <ConfirmProvider>
      <Shown currentId={currentId} onDeleted={onDeleted} />
    </ConfirmProvider>,
  );
}

describe('Library, a large library', () => {
  const n = 600;
  beforeEach(() => db.documents.bulkAdd(library(n)));

  it('renders only the rows on screen, newest first, and says where each is in the whole', async () => {
    show();
    await waitFor(() => expect(titles()[0]).toBe(`Report ${((n - 1) * 7) % n}`));
    const shown = rows().length;
    expect(shown).toBeGreaterThanOrEqual(PANE / ROW);
    expect(shown).toBeLessThan(30);
    expect(rows()[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe(String(n));
    // Each row has its own rename and delete buttons, named for its document.
    const first = titles()[0] ?? '';
    expect(within(list()).getByRole('button', { name: `Delete document: ${first}` })).toBeTruthy();
  });

  it('shows other rows when scrolled, in the same order', async () => {
    show();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    // 300 rows down: the 301st newest document, d299, is on screen, the newest is not.
    scrollTo(300 * ROW);
    await waitFor(() => expect(titles()).toContain(`Report ${(299 * 7) % n}`));
    expect(titles()).not.toContain(`Report ${((n - 1) * 7) % n}`);
    const index = rows().find((r) => r.textContent?.includes(`Report ${(299 * 7) % n}`));
    expect(index?.getAttribute('aria-posinset')).toBe('301');
  });

  it('applies the sort to the whole library, not to the rows rendered', async () => {
    show();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'oldest' },
    });
    await waitFor(() => expect(titles().slice(0, 2)).toEqual(['Report 0', 'Report 7']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'title' },
    });
    // Natural order of the numbers, over all 600 titles.
    await waitFor(() => expect(titles().slice(0, 3)).toEqual(['Report 0', 'Report 1', 'Report 2']));
    scrollTo((n - 5) * ROW);
    await waitFor(() => expect(titles()).toContain(`Report ${n - 1}`));
  });

  it('brings the open document into view', async () => {
    // d100 is the 500th newest.
    show('d100');
    await waitFor(() =>
      expect(rows().some((r) => r.getAttribute('aria-current') === 'true')).toBe(true),
    );
    const current = rows().find((r) => r.getAttribute('aria-current') === 'true');
    expect(current?.querySelector('.doc-title')?.textContent).toBe(`Report ${(100 * 7) % n}`);
    expect(current?.getAttribute('aria-posinset')).toBe(String(n - 100));
  });

  it('keeps the focused row in the page when it is scrolled away', async () => {
    show();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const first = titles()[0] ?? '';
    const rename = within(list()).getByRole('button', { name: `Rename document: ${first}` });
    act(() => rename.focus());
    scrollTo(300 * ROW);
    await waitFor(() => expect(titles()).toContain(`Report ${(299 * 7) % n}`));
    expect(titles()).toContain(first);
    expect(document.activeElement).toBe(rename);
  });
});

describe('Library, a small library', () => {
  it(`has every document in the page, up to ${ALL_ROWS_UP_TO}, wherever it is scrolled`, async () => {
    await db.documents.bulkAdd(library(ALL_ROWS_UP_TO));
    show();
    await waitFor(() => expect(rows()).toHaveLength(ALL_ROWS_UP_TO));
    scrollTo(50 * ROW);
    expect(rows()).toHaveLength(ALL_ROWS_UP_TO);
  });
});

describe('Library counts', () => {
  const TEXT = '去年全区新能源装机达到1.35亿千瓦，增速居全国前列。';
  const store = new AnnotationStore(db);

  beforeEach(async () => {
    await db.documents.bulkAdd([
      doc('d1', 'First', '2026-01-01T00:00:00.000Z'),
      doc('d2', 'Second', '2026-01-02T00:00:00.000Z'),
      doc('d3', 'Third', '2026-01-03T00:00:00.000Z'),
    ]);
    await db.texts.bulkAdd(['d1', 'd2', 'd3'].map((docId) => ({ docId, text: TEXT })));
    await db.annotations.bulkAdd([
      annotation('a1', 'd1', 0),
      annotation('a2', 'd1', 4),
      annotation('a3', 'd1', 8),
      annotation('b1', 'd2', 0),
    ]);
  });

  const counts = () => ['First', 'Second', 'Third'].map(countOf);

  it('counts each document and follows a new, a deleted and an undone annotation', async () => {
    show();
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '0 annotations']),
    );

    const made = await store.create('d3', TEXT, 0, 4, 'c1');
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '1 annotation']),
    );

    const b1 = await db.annotations.get('b1');
    await store.remove(b1!);
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '0 annotations', '1 annotation']),
    );

    await store.undo();
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '1 annotation']),
    );

    await db.annotations.delete(made.id);
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '0 annotations']),
    );
  });

  it('follows an annotation moved to another document, and a bulk write', async () => {
    show();
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '0 annotations']),
    );

    // A whole record put with another docId, as another window may write it.
    await db.annotations.put({ ...(await db.annotations.get('a1'))!, docId: 'd3' });
    await waitFor(() =>
      expect(counts()).toEqual(['2 annotations', '1 annotation', '1 annotation']),
    );
    await db.annotations.update('a2', { docId: 'd2' });
    await waitFor(() =>
      expect(counts()).toEqual(['1 annotation', '2 annotations', '1 annotation']),
    );

    // Dexie reports a write of 50 records or more as a range, not by key.
    await db.annotations.bulkPut(
      Array.from({ length: 60 }, (_, i) => annotation(`bulk${i}`, i < 40 ? 'd1' : 'd3', i)),
    );
    await waitFor(() =>
      expect(counts()).toEqual(['41 annotations', '2 annotations', '21 annotations']),
    );
  });

  it("shows the open document's count from its model, the others' from their reads", async () => {
    show('d1');
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '0 annotations']),
    );
    // The open document's model holds a fourth, shown while it is written.
    act(() => publishOpenCount({ docId: 'd1', count: 4 }));
    expect(counts()).toEqual(['4 annotations', '1 annotation', '0 annotations']);
    // Another document open: d1 is counted by its read again.
    act(() => publishOpenCount({ docId: 'd2', count: 2 }));
    expect(counts()).toEqual(['3 annotations', '2 annotations', '0 annotations']);
    act(() => publishOpenCount(null));
    expect(counts()).toEqual(['3 annotations', '1 annotation', '0 annotations']);
  });

  it('asks with the count shown before deleting a document, and leaves the others right', async () => {
    const onDeleted = vi.fn();
    show(null, onDeleted);
    await waitFor(() =>
      expect(counts()).toEqual(['3 annotations', '1 annotation', '0 annotations']),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete document: First' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Its annotations (3) will be removed');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete document' }));
    await waitFor(() => expect(titles()).toEqual(['Third', 'Second']));
    expect(onDeleted).toHaveBeenCalledWith('d1');
    expect(await db.annotations.where('docId').equals('d1').count()).toBe(0);
    expect(countOf('Second')).toBe('1 annotation');
    expect(countOf('Third')).toBe('0 annotations');
  });
});
