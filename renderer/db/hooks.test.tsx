// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotation } from '../all-annotations/fixtures';
import { useAnnotationCount, useDocumentHead, useDocumentText, useSpeakers } from './hooks';
import { HEAD_CHARS, HEAD_FROM_CHARS } from './heads';
import { firstDocumentCounted, firstDocumentShown } from '../app/first-document';
import { db } from './instance';
import { spansRecordOfAnnotations } from './spans';
import { handOverHead, handOverText, handedHead, handedText, releaseText } from './text-handoff';

beforeEach(() => db.annotations.clear());
afterEach(cleanup);
afterAll(() => db.delete());

describe('useSpeakers', () => {
  it('offers each speaker once, in order, without the empty one, and follows new ones', async () => {
    await db.annotations.bulkAdd([
      annotation('a1', 'd1', 0, { speaker: '国家统计局' }),
      annotation('a2', 'd1', 4, { speaker: 'Li Wei' }),
      annotation('a3', 'd2', 8, { speaker: '国家统计局' }),
      annotation('a4', 'd2', 12, { speaker: '' }),
      annotation('a5', 'd3', 16, { speaker: 'IMF' }),
      annotation('a6', 'd3', 20, { speaker: 'Li Wei' }),
    ]);
    const { result } = renderHook(() => useSpeakers());
    // Not asked while the window opens its first document.
    await new Promise((r) => setTimeout(r, 100));
    expect(result.current).toBeUndefined();
    firstDocumentShown();
    firstDocumentCounted();
    await waitFor(() => expect(result.current).toEqual(['IMF', 'Li Wei', '国家统计局']));
    await db.annotations.update('a4', { speaker: 'Xinhua' });
    await waitFor(() => expect(result.current).toEqual(['IMF', 'Li Wei', 'Xinhua', '国家统计局']));
    await db.annotations.bulkDelete(['a2', 'a6']);
    await waitFor(() => expect(result.current).toEqual(['IMF', 'Xinhua', '国家统计局']));
  });
});

describe('useAnnotationCount', () => {
  it("counts one document's annotations and is not taken in by others'", async () => {
    await db.annotations.bulkAdd([
      annotation('a1', 'd1', 0),
      annotation('a2', 'd1', 4),
      annotation('b1', 'd2', 0),
    ]);
    const { result } = renderHook(() => useAnnotationCount('d1'));
    await waitFor(() => expect(result.current).toBe(2));
    await db.annotations.add(annotation('b2', 'd2', 4));
    await db.annotations.delete('b1');
    await db.annotations.add(annotation('a3', 'd1', 8));
    await waitFor(() => expect(result.current).toBe(3));
    await db.annotations.delete('a1');
    await waitFor(() => expect(result.current).toBe(2));
  });
});

describe('useAnnotationCount, a document opened before (it has a spans record)', () => {
  it('counts highlights and orphans, and follows a tag, an orphan placed again and a deletion', async () => {
    await db.spans.clear();
    const stored = [
      annotation('a1', 'd1', 0),
      annotation('a2', 'd1', 4),
      annotation('o1', 'd1', 0, { orphaned: true }),
      annotation('b1', 'd2', 0),
    ];
    await db.annotations.bulkAdd(stored);
    await db.spans.put(spansRecordOfAnnotations('d1', stored)!);
    const { result } = renderHook(() => useAnnotationCount('d1'));
    await waitFor(() => expect(result.current).toBe(3));
    await db.annotations.add(annotation('a3', 'd1', 8));
    await waitFor(() => expect(result.current).toBe(4));
    await db.annotations.put(annotation('o1', 'd1', 12));
    await db.annotations.delete('b1');
    await db.annotations.delete('a1');
    await waitFor(() => expect(result.current).toBe(3));
    await db.spans.clear();
  });
});

describe('useAnnotationCount, not asked', () => {
  it('answers nothing until asked, then the count', async () => {
    await db.annotations.bulkAdd([annotation('a1', 'd1', 0), annotation('a2', 'd1', 4)]);
    const { result, rerender } = renderHook(({ asked }) => useAnnotationCount('d1', asked), {
      initialProps: { asked: false },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBeUndefined();
    rerender({ asked: true });
    await waitFor(() => expect(result.current).toBe(2));
  });
});

describe('useDocumentText', () => {
  it('shows a just-imported text at once, then the stored copy, and lets the handed one go', async () => {
    await db.texts.put({ docId: 'd1', text: '本报讯 stored' });
    handOverText('d1', '本报讯 handed');
    const { result } = renderHook(() => useDocumentText('d1'));
    // The first render comes before any read of IndexedDB could have answered.
    expect(result.current).toBe('本报讯 handed');
    await waitFor(() => expect(result.current).toBe('本报讯 stored'));
    expect(handedText('d1')).toBeUndefined();
  });

  it('keeps showing a handed text while its write is on its way, then the stored one', async () => {
    await db.texts.delete('d3');
    handOverText('d3', '本报讯 shown before it is stored');
    const { result } = renderHook(() => useDocumentText('d3'));
    // The first read finds no text yet: the reader must not lose the one it shows.
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current).toBe('本报讯 shown before it is stored');
    await db.texts.put({ docId: 'd3', text: '本报讯 stored' });
    await waitFor(() => expect(result.current).toBe('本报讯 stored'));
    expect(handedText('d3')).toBeUndefined();
  });

  it('says a document has no text once nothing is handed over and none is stored', async () => {
    const { result } = renderHook(() => useDocumentText('nowhere'));
    await waitFor(() => expect(result.current).toBeNull());
  });

  it("never shows one document's handed text for another", () => {
    handOverText('d1', 'first article');
    const { result } = renderHook(() => useDocumentText('d2'));
    expect(result.current).toBeUndefined();
  });

  it('reads nothing until asked, and once it has read a document keeps reading it', async () => {
    await db.texts.put({ docId: 'd4', text: '短文 v1' });
    const { result, rerender } = renderHook(({ asked }) => useDocumentText('d4', asked), {
      initialProps: { asked: false },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current).toBeUndefined();
    rerender({ asked: true });
    await waitFor(() => expect(result.current).toBe('短文 v1'));
    // The text grew long while open (replaced): the workspace now waits for its head.
    rerender({ asked: false });
    const values: (string | null | undefined)[] = [];
    await db.texts.put({ docId: 'd4', text: '长文 v2' });
    await waitFor(() => {
      values.push(result.current);
      expect(result.current).toBe('长文 v2');
    });
    expect(values).not.toContain(undefined);
  });
});

describe('useDocumentHead', () => {
  const long = (c: string) => c.repeat(HEAD_FROM_CHARS);

  it('reads the head of a long text, and reads it again when the document comes back', async () => {
    await db.texts.put({ docId: 'h1', text: long('甲') });
    const { result, rerender } = renderHook(({ id }) => useDocumentHead(id), {
      initialProps: { id: 'h1' as string | null },
    });
    await waitFor(() => expect(result.current).toBe('甲'.repeat(HEAD_CHARS)));
    // Another (short) document is open while this one's text is reflowed or replaced.
    rerender({ id: null });
    await db.texts.put({ docId: 'h1', text: long('乙') });
    rerender({ id: 'h1' });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe('乙'.repeat(HEAD_CHARS)));
  });

  it('answers the head a start handed over at once, without reading it', async () => {
    // Stored differently on purpose: the first render shows what the start read.
    await db.texts.put({ docId: 'h3', text: long('丙') });
    handOverHead('h3', '丁'.repeat(HEAD_CHARS));
    const { result } = renderHook(() => useDocumentHead('h3'));
    expect(result.current).toBe('丁'.repeat(HEAD_CHARS));
    // Once the whole text is in, the handed head is let go and the stored one is read.
    releaseText('h3');
    const after = renderHook(() => useDocumentHead('h3'));
    await waitFor(() => expect(after.result.current).toBe('丙'.repeat(HEAD_CHARS)));
  });

  it('reads no head once a handed one has been let go, and lets go of it when the document is left', async () => {
    const reads = vi.spyOn(db.heads, 'get');
    handOverHead('h4', '戊'.repeat(HEAD_CHARS));
    const { result, rerender } = renderHook(({ id }) => useDocumentHead(id), {
      initialProps: { id: 'h4' as string | null },
    });
    releaseText('h4'); // the whole text is in
    rerender({ id: 'h4' });
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).not.toHaveBeenCalled();
    expect(result.current).toBeUndefined();

    // Left before its text was read: coming back reads the head as it is then.
    handOverHead('h5', '己'.repeat(HEAD_CHARS));
    rerender({ id: 'h5' });
    rerender({ id: null });
    expect(handedHead('h5')).toBeUndefined();
    reads.mockRestore();
  });

  it('answers null for a text kept without a head', async () => {
    await db.texts.put({ docId: 'h2', text: '短文。' });
    const { result } = renderHook(() => useDocumentHead('h2'));
    await waitFor(() => expect(result.current).toBeNull());
  });
});
