import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawFile } from '../../shared/file-errors';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { anchorFields } from '../annotations/anchor-fields';
import { AnnotationStore } from '../annotations/store';
import { ClaimmarkDB } from '../db/db';
import { recordAnnotationPuts } from '../db/mutate-spy';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { WRITE_CHUNK } from './reanchor-stored';
import { replaceText } from './replace-text';

/** One paragraph per line; each is annotated once, on a phrase in its middle. */
const P = [
  '国家统计局今日发布数据显示，去年全国粮食总产量达到13908亿斤，比上年增加177.6亿斤。',
  '专家认为，这一成绩来之不易，得益于高标准农田建设和良种推广。',
  '分品种看，稻谷产量4150亿斤，小麦产量2801亿斤，玉米产量5892亿斤。',
  '农业农村部有关负责人表示，今年将继续稳定粮食播种面积，加大对种粮农民的支持力度。',
  '据介绍，东北地区遭遇的旱情对部分县市的秋粮生产造成了一定影响，但总体可控。',
  '海关总署数据显示，前三季度大豆进口量同比下降，国内自给率有所提升。',
  '下一步，各地将抓好春耕备耕，确保粮食生产开好局、起好步。',
  '记者在黑龙江、河南等地采访了解到，种粮大户普遍对今年的收成抱有信心。',
];
const PHRASES = [
  '粮食总产量达到13908亿斤',
  '高标准农田建设',
  '小麦产量2801亿斤',
  '稳定粮食播种面积',
  '东北地区遭遇的旱情',
  '大豆进口量同比下降',
  '抓好春耕备耕',
  '种粮大户普遍',
];
/** A closing paragraph nobody annotated; its end is more than 32 characters from any quote. */
const TAIL =
  '本报将持续关注今年粮食生产形势，并就种植结构调整、粮食收购价格和农业保险等问题作进一步报道。';
const lines = (...ps: string[]) => ps.join('\n') + '\n';
const V1 = lines(...P, TAIL);
/** The last annotated paragraph reworded after its quote: only that annotation's context changes. */
const V2 = lines(...P.slice(0, 7), P[7]!.replace('抱有信心', '充满信心'), TAIL);
/** From V2, the fifth paragraph deleted: its annotation is orphaned, the ones after it move. */
const V3 = V2.replace(P[4]! + '\n', '');
/** From V3, the last annotated paragraph reworded again. */
const V4 = V3.replace('充满信心', '很有信心');
/** V1 with only the end of the closing paragraph changed. */
const V1_TAIL = V1.replace('作进一步报道', '作跟踪报道');

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, text: string): RawFile => ({ name, bytes: utf8(text) });

let db: ClaimmarkDB;
let puts: string[][];

async function openDb(failAt?: number): Promise<void> {
  db = new ClaimmarkDB(`replace-writes-test-${crypto.randomUUID()}`);
  puts = [];
  db.use(recordAnnotationPuts(puts, failAt));
  await db.open();
}

beforeEach(() => openDb());

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function importDoc(text: string): Promise<DocumentRecord> {
  const [outcome] = await importFiles([{ ok: true, file: file('粮食.txt', text) }], {
    db,
    decode: runDecodeJob,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  if (outcome?.kind !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
  return outcome.doc;
}

/** The document holding V1, one annotation per phrase (made as the app makes them). */
async function setUp() {
  const doc = await importDoc(V1);
  const store = new AnnotationStore(db, () => new Date('2026-01-02T03:04:05Z'));
  const made: Annotation[] = [];
  for (const q of PHRASES) {
    const start = V1.indexOf(q);
    expect(V1.lastIndexOf(q), q).toBe(start);
    made.push(await store.create(doc.id, V1, start, start + q.length, 'cat'));
  }
  made[4] = await store.update(made[4]!, { note: '旱情影响需核实' });
  return { doc, made };
}

const byId = async () => new Map((await db.annotations.toArray()).map((a) => [a.id, a]));
const written = () => new Set(puts.flat());

/** Everything a replacement writes, to show that a failed one wrote nothing. */
const snapshot = async () => ({
  documents: await db.documents.toArray(),
  texts: await db.texts.toArray(),
  originals: await db.originals.toArray(),
  sources: await db.sources.toArray(),
  annotations: await db.annotations.toArray(),
});

/** Where `a` stands in `text` if its quote is where it was, with the same 32 characters around it. */
function untouchedIn(text: string, a: Annotation): boolean {
  return (
    text.slice(a.start, a.end) === a.quote &&
    text.slice(Math.max(0, a.start - 32), a.start) === a.prefix &&
    text.slice(a.end, a.end + 32) === a.suffix
  );
}

describe('replaceText writes only the annotations the new text changes', () => {
  it('leaves the annotations a change does not reach unwritten and exactly as they were', async () => {
    const { doc } = await setUp();
    const before = await byId();
    const untouched = [...before.values()].filter((a) => untouchedIn(V2, a)).map((a) => a.id);
    // The fixture: all but the last annotation are far from the change.
    expect(untouched).toHaveLength(PHRASES.length - 1);
    puts.length = 0;

    const outcome = await replaceText(db, doc.id, file('v2.txt', V2), runDecodeJob);

    expect(outcome).toMatchObject({ kind: 'replaced', report: { kept: 8, moved: 0, orphaned: 0 } });
    const after = await byId();
    for (const id of untouched) {
      expect(written().has(id), id).toBe(false);
      expect(after.get(id), id).toEqual(before.get(id));
    }
    const last = [...before.keys()].find((id) => !untouched.includes(id))!;
    expect(puts).toEqual([[last]]);
    expect(after.get(last)).toEqual({
      ...before.get(last),
      suffix: V2.slice(after.get(last)!.end, after.get(last)!.end + 32),
    });
    expect(after.get(last)?.suffix).toContain('充满信心');
  });

  it('does not write an orphan again while it stays an orphan', async () => {
    const { doc, made } = await setUp();
    await replaceText(db, doc.id, file('v2.txt', V2), runDecodeJob);
    await replaceText(db, doc.id, file('v3.txt', V3), runDecodeJob);
    const orphan = made[4]!;
    const before = await byId();
    expect(before.get(orphan.id)).toEqual({ ...orphan, orphaned: true });
    puts.length = 0;

    const outcome = await replaceText(db, doc.id, file('v4.txt', V4), runDecodeJob);

    expect(outcome).toMatchObject({ kind: 'replaced', report: { orphaned: 1 } });
    expect((await byId()).get(orphan.id)).toEqual(before.get(orphan.id));
    // Only the annotation whose context the rewording reaches.
    const reached = [...before.values()].filter((a) => !a.orphaned && !untouchedIn(V4, a));
    expect(reached.map((a) => a.id)).toEqual([made[7]!.id]);
    expect(puts).toEqual([[made[7]!.id]]);
  });

  it('writes no annotation when none moves or sees its context change', async () => {
    const { doc } = await setUp();
    const before = await db.annotations.toArray();
    puts.length = 0;

    const outcome = await replaceText(db, doc.id, file('v2.txt', V1_TAIL), runDecodeJob);

    expect(outcome).toMatchObject({ kind: 'replaced', report: { kept: 8, moved: 0 } });
    expect(puts).toEqual([]);
    expect(await db.annotations.toArray()).toEqual(before);
    expect((await db.texts.get(doc.id))?.text).toBe(V1_TAIL);
  });
});

describe('a replacement that fails while writing the annotations', () => {
  /** One annotation on each of `n` lines, stored as the app stores them. */
  async function manyLines(n: number) {
    const lines = Array.from(
      { length: n },
      (_, i) => `第${i + 1}条：当地粮食产量增长${i % 97}.5%。`,
    );
    const text = lines.join('\n') + '\n';
    const doc = await importDoc(text);
    const records: Annotation[] = [];
    let at = 0;
    for (const [i, line] of lines.entries()) {
      const start = at + line.indexOf('：') + 1;
      const end = at + line.length - 1;
      records.push({
        id: `a${String(i).padStart(5, '0')}`,
        docId: doc.id,
        start,
        end,
        ...anchorFields(text, start, end),
        categoryIds: ['cat'],
        note: i % 10 === 0 ? '待核实' : '',
        status: 'unverified',
        speaker: '',
        evidence: '',
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-01-02T03:04:05.000Z',
      });
      at += line.length + 1;
    }
    await db.annotations.bulkAdd(records);
    return { doc, text };
  }

  it('leaves the old text with the old annotations when a later chunk fails', async () => {
    db.close();
    await Dexie.delete(db.name);
    await openDb(2); // the second put request of annotations fails
    const n = WRITE_CHUNK + 500;
    const { doc, text } = await manyLines(n);
    const before = await snapshot();
    // Every line's colon changed before its quote: every annotation's context
    // changes, more than one chunk to write.
    const edited = text.replaceAll('：', ':');

    await expect(replaceText(db, doc.id, file('v2.txt', edited), runDecodeJob)).rejects.toThrow(
      'QuotaExceededError',
    );

    // The first chunk went into the transaction before the second failed.
    expect(puts.map((p) => p.length)).toEqual([WRITE_CHUNK, n - WRITE_CHUNK]);
    expect(await snapshot()).toEqual(before);
    expect((await db.texts.get(doc.id))?.text).toBe(text);
  });
});
