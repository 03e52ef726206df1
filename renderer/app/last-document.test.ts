import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { annotation } from '../all-annotations/fixtures';
import { db } from '../db/instance';
import { spansRecordOfAnnotations } from '../db/spans';
import { handedSpans } from '../db/spans-handoff';
import { HEAD_CHARS, HEAD_FROM_CHARS } from '../db/heads';
import { handedHead, handedText, releaseText } from '../db/text-handoff';
import {
  askLastDocument,
  LAST_DOCUMENT,
  lastDocumentAtStart,
  takeLastDocument,
} from './last-document';

beforeEach(async () => {
  await Promise.all([db.settings.clear(), db.texts.clear(), db.spans.clear(), db.heads.clear()]);
});
afterAll(() => db.delete());

describe('the document a start reopens', () => {
  it('is asked for with its text and highlights; the workspace takes the answer once', async () => {
    const a = annotation('a1', 'd1', 3, { end: 6 });
    await db.settings.put({ key: LAST_DOCUMENT, value: 'd1' });
    await db.texts.put({ docId: 'd1', text: '本报讯 国家统计局今日发布' });
    await db.spans.put(spansRecordOfAnnotations('d1', [a])!);
    askLastDocument();
    expect(await takeLastDocument()).toBe('d1');
    expect(handedText('d1')).toBe('本报讯 国家统计局今日发布');
    expect(handedSpans('d1')).toEqual({
      spans: [{ id: 'a1', start: 3, end: 6, categoryIds: a.categoryIds }],
      count: 1,
    });
    // Asked again later (another window changed it meanwhile): read afresh.
    await db.settings.put({ key: LAST_DOCUMENT, value: 'd2' });
    expect(await takeLastDocument()).toBe('d2');
  });

  it('is there to read at once when the first frame draws, so that frame opens it', async () => {
    await db.settings.put({ key: LAST_DOCUMENT, value: 'd7' });
    await db.texts.put({ docId: 'd7', text: '新华社北京电' });
    expect(await askLastDocument()).toBe('d7');
    expect(lastDocumentAtStart()).toBe('d7');
    // The workspace's effect takes the same answer afterwards, and nothing changes.
    expect(await takeLastDocument()).toBe('d7');
    await db.settings.delete(LAST_DOCUMENT);
    expect(await askLastDocument()).toBeNull();
    expect(lastDocumentAtStart()).toBeNull();
    await takeLastDocument();
  });

  it('hands over only the head of a long text, as a click opens it; the rest is read after', async () => {
    const text = '统'.repeat(HEAD_FROM_CHARS + 10);
    await db.settings.put({ key: LAST_DOCUMENT, value: 'long' });
    await db.texts.put({ docId: 'long', text });
    // Without its highlights record (made on a first open) the head is not drawn: the whole text is.
    expect(await askLastDocument()).toBe('long');
    expect(handedHead('long')).toBeUndefined();
    expect(handedText('long')).toBe(text);
    releaseText('long');
    await takeLastDocument();

    await db.spans.put(spansRecordOfAnnotations('long', [annotation('a1', 'long', 3)])!);
    expect(await askLastDocument()).toBe('long');
    expect(handedHead('long')).toBe('统'.repeat(HEAD_CHARS));
    // Not the whole text: that read is what the first frame no longer waits for.
    expect(handedText('long')).toBeUndefined();
    // Held until the stored text is read (hooks.ts useDocumentText), then let go.
    releaseText('long');
    expect(handedHead('long')).toBeUndefined();
    await takeLastDocument();
  });

  it('is none in a new library', async () => {
    askLastDocument();
    expect(await takeLastDocument()).toBeNull();
  });
});
