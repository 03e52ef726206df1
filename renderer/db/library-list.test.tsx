// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../shared/types';
import { db } from './instance';
import { holdDocumentList, useDocuments } from './library-list';

const doc = (id: string, title: string): DocumentRecord => ({
  id,
  sha256: id.padEnd(64, '0'),
  title,
  fileName: `${id}.txt`,
  encoding: 'utf-8',
  bom: false,
  length: 10,
  addedAt: '2026-12-03T08:00:00.000Z',
  reflow: null,
});

const titles = (docs: DocumentRecord[] | undefined) => docs?.map((d) => d.title).sort();
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => db.documents.clear());
afterEach(cleanup);
afterAll(() => db.delete());

describe('the document list', () => {
  it('is shown and follows documents added, renamed and deleted', async () => {
    await db.documents.add(doc('d1', '政府工作报告'));
    const { result } = renderHook(() => useDocuments());
    await waitFor(() => expect(titles(result.current)).toEqual(['政府工作报告']));
    await db.documents.add(doc('d2', 'Budget speech'));
    await db.documents.update('d1', { title: '2025年政府工作报告' });
    await waitFor(() =>
      expect(titles(result.current)).toEqual(['2025年政府工作报告', 'Budget speech']),
    );
    await db.documents.delete('d2');
    await waitFor(() => expect(titles(result.current)).toEqual(['2025年政府工作报告']));
  });

  it('held from the start, is there at the first render: no empty frame', async () => {
    await db.documents.add(doc('d1', '统计公报'));
    const release = holdDocumentList();
    await waitFor(async () => {
      const { result, unmount } = renderHook(() => useDocuments());
      const first = result.current;
      unmount();
      expect(titles(first)).toEqual(['统计公报']);
    });
    release();
  });

  it('is no longer held once every view and the start let it go: a later view reads it afresh', async () => {
    await db.documents.add(doc('d1', 'first'));
    const release = holdDocumentList();
    const { result, unmount } = renderHook(() => useDocuments());
    await waitFor(() => expect(titles(result.current)).toEqual(['first']));
    unmount();
    release();
    await tick();
    await db.documents.add(doc('d2', 'second'));
    const again = renderHook(() => useDocuments());
    expect(again.result.current).toBeUndefined();
    await waitFor(() => expect(titles(again.result.current)).toEqual(['first', 'second']));
  });
});
