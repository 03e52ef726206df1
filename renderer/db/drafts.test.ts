import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { DraftJournal, DraftWriter, recoverDrafts, type DraftFieldName } from './drafts';

const journal = () => new DraftJournal(`drafts-${crypto.randomUUID()}`);

function annotation(id: string, note: string): Annotation {
  return {
    id,
    docId: 'd',
    start: 0,
    end: 4,
    quote: '增长5.8%',
    prefix: '',
    suffix: '',
    categoryIds: ['c'],
    note,
    status: 'unverified',
    speaker: '',
    evidence: '',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

describe('the draft journal', () => {
  it('holds the newest keystroke of a field, however fast they come', async () => {
    const j = journal();
    const writer = new DraftWriter(j);
    await Promise.all(['核', '核对', '核对统计'].map((v) => writer.write('a1', 'note', v)));
    expect((await j.drafts.toArray()).map((d) => d.value)).toEqual(['核对统计']);
  });

  it('holds the newest keystroke once the journal is open too, each put committed as it is sent', async () => {
    const j = journal();
    await j.open();
    const writer = new DraftWriter(j);
    await Promise.all(['增', '增速', '增速与去年'].map((v) => writer.write('a1', 'evidence', v)));
    expect((await j.drafts.toArray()).map((d) => [d.field, d.value])).toEqual([
      ['evidence', '增速与去年'],
    ]);
  });

  it('lets an entry go once the annotation holds it, but not for an older value', async () => {
    const j = journal();
    const writer = new DraftWriter(j);
    await writer.write('a1', 'note', 'ab');
    await writer.settle('a1', 'note', 'a');
    expect(await j.drafts.count()).toBe(1);
    await writer.settle('a1', 'note', 'ab');
    expect(await j.drafts.count()).toBe(0);
  });

  it('puts back at start what a crash kept from its annotation, and only that', async () => {
    const j = journal();
    const writer = new DraftWriter(j);
    await writer.write('typed', 'note', '核对统计公报');
    await writer.write('stored', 'note', 'already saved');
    await writer.write('gone', 'evidence', 'its annotation was deleted');
    const stored = new Map([
      ['typed', annotation('typed', '核对')],
      ['stored', annotation('stored', 'already saved')],
    ]);
    const writes: [string, DraftFieldName, string][] = [];
    const recovered = await recoverDrafts(
      j,
      async (id) => stored.get(id),
      async (a, field, value) => writes.push([a.id, field, value]),
    );
    expect(writes).toEqual([['typed', 'note', '核对统计公报']]);
    expect(recovered.map((r) => r.annotation.id)).toEqual(['typed']);
    expect(await j.drafts.count()).toBe(0);
  });
});
