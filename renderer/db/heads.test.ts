import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HEAD_CHARS, HEAD_FROM_CHARS, headOf } from './heads';
import { freshDatabases } from './fresh-db';

const freshDb = freshDatabases('heads');

/** A text long enough for a head, different in each call from its first character on. */
const longText = (c: string) => c + '经济增长。'.repeat(HEAD_FROM_CHARS / 5 + 1);

describe('headOf', () => {
  it('is the first HEAD_CHARS units of a long text, and nothing for a short one', () => {
    const text = longText('甲');
    expect(headOf({ docId: 'd', text })).toEqual({ docId: 'd', head: text.slice(0, HEAD_CHARS) });
    expect(headOf({ docId: 'd', text: text.slice(0, HEAD_FROM_CHARS - 1) })).toBeNull();
  });

  it('never ends between the two halves of a surrogate pair', () => {
    // 𠀀 (U+20000) is two UTF-16 units; place one across the cut.
    const text = 'a'.repeat(HEAD_CHARS - 1) + '𠀀' + 'b'.repeat(HEAD_FROM_CHARS);
    const head = headOf({ docId: 'd', text })?.head ?? '';
    expect(head).toBe('a'.repeat(HEAD_CHARS - 1));
    expect(text.startsWith(head)).toBe(true);
  });
});

describe('heads kept by the middleware', () => {
  it('follows every way a text is written: put, add, bulkAdd, replaced, shortened, deleted, cleared', async () => {
    const db = freshDb();
    const heads = async () =>
      Object.fromEntries((await db.heads.toArray()).map((h) => [h.docId, h.head[0]]));

    await db.texts.put({ docId: 'a', text: longText('甲') });
    await db.texts.add({ docId: 'b', text: '短。' });
    await db.texts.bulkAdd([
      { docId: 'c', text: longText('丙') },
      { docId: 'd', text: longText('丁') },
    ]);
    expect(await heads()).toEqual({ a: '甲', c: '丙', d: '丁' });

    await db.texts.put({ docId: 'a', text: longText('乙') }); // a replaced text
    await db.texts.put({ docId: 'c', text: '变短了。' }); // now too short for a head
    await db.texts.delete('d');
    expect(await heads()).toEqual({ a: '乙' });

    await db.texts.clear();
    expect(await db.heads.count()).toBe(0);
  });

  it('writes nothing when the transaction writing the text fails', async () => {
    const db = freshDb();
    await db.texts.put({ docId: 'a', text: longText('甲') });
    await expect(
      db.transaction('rw', db.texts, async () => {
        await db.texts.put({ docId: 'a', text: longText('乙') });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect((await db.heads.get('a'))?.head[0]).toBe('甲');
  });

  it('is always a prefix of the stored text', async () => {
    const db = freshDb();
    const texts = [longText('一'), longText('二') + '尾', longText('三').slice(1)];
    await db.texts.bulkPut(texts.map((text, i) => ({ docId: `t${i}`, text })));
    for (const [i, text] of texts.entries()) {
      const head = (await db.heads.get(`t${i}`))?.head;
      expect(head?.length).toBe(HEAD_CHARS);
      expect(text.startsWith(head ?? '∅')).toBe(true);
    }
  });
});
