// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotation } from '../all-annotations/fixtures';
import { db } from './instance';
import { useOpenCount } from './open-count';
import { spansRecordOfAnnotations } from './spans';
import { handedSpans, handOverSpans } from './spans-handoff';
import { useAnnotations } from './use-annotations';

const stored = [
  annotation('a1', 'd1', 10, { end: 13, categoryIds: ['c1'] }),
  annotation('a2', 'd1', 20, { end: 23, categoryIds: ['c2'] }),
  annotation('o1', 'd1', 0, { orphaned: true }),
];

beforeEach(async () => {
  await db.annotations.clear();
  await db.annotations.bulkAdd(stored);
});
afterEach(cleanup);
afterAll(() => db.delete());

describe('a start that hands over the spans record read with the text', () => {
  it('paints the highlights and counts the library row in the first frame, before any read', () => {
    handOverSpans('d1', spansRecordOfAnnotations('d1', stored));
    const { result } = renderHook(() => ({
      open: useAnnotations('d1', true),
      row: useOpenCount('d1'),
    }));
    // No IndexedDB read has answered yet: all of it came with the start's read.
    expect(result.current.open.annotations).toBeUndefined();
    expect(result.current.open.early?.map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(result.current.row).toBe(3);
  });

  it('then shows the records, and lets the handed record go', async () => {
    handOverSpans('d1', spansRecordOfAnnotations('d1', stored));
    const { result } = renderHook(() => useAnnotations('d1', true));
    await waitFor(() =>
      expect(result.current.annotations?.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'o1']),
    );
    expect(handedSpans('d1')).toBeNull();
  });

  it('is not used for another document', async () => {
    handOverSpans('d1', spansRecordOfAnnotations('d1', stored));
    const { result } = renderHook(() => useAnnotations('d2', true));
    expect(result.current.early).toBeUndefined();
    await waitFor(() => expect(result.current.annotations).toEqual([]));
  });
});
