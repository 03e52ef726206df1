/**
 * A library made in the page: 200 news documents of about 20 MB in
 * all (Chinese from generate.ts, one in ten English from shared/wrap-fixtures),
 * annotations with claim fields over them, and the writing of both into the
 * app's own database ('claimmark'). Deterministic: the same spec gives the
 * same library in every page. harness-library-scale.ts builds its 2,000
 * short documents with the same buildLibrary and writeLibrary.
 */
import { codePointLength, contextAround, sha256Hex } from '../shared/text';
import { defaultTitle } from '../shared/title';
import {
  CLAIM_STATUSES,
  type Annotation,
  type Category,
  type ClaimStatus,
  type DocumentRecord,
} from '../shared/types';
import { makeParagraphs } from '../shared/wrap-fixtures';
import { ClaimmarkDB } from '../renderer/db/db';
import { DEFAULT_CATEGORIES } from '../renderer/db/defaults';
import { RARE_PHRASE, type BenchApi, type LibraryInfo } from './api';
import { generateText, makeSpans, prng } from './generate';
import { ms } from './harness-common';

const RARE_DOCS = [17, 101, 188];
/** One document in ENGLISH_EVERY is English. */
const ENGLISH_EVERY = 10;

export interface LibraryDoc {
  record: DocumentRecord;
  text: string;
}

export interface Library {
  docs: LibraryDoc[];
  annotations: Annotation[];
  /** The codebook the annotations use: the app's defaults (ids c0–c4) and two subcategories of c0. */
  categories: Category[];
}

let library: Library | null = null;

export function currentLibrary(): Library {
  if (!library) throw new Error('call makeLibrary first');
  return library;
}

const CATEGORIES: Category[] = [
  ...DEFAULT_CATEGORIES.map((c, i) => ({ ...c, id: `c${i}` })),
  ...['GDP 国内生产总值', 'Prices 价格'].map((name, i): Category => ({
    id: `c${5 + i}`,
    name,
    color: '#c98a00',
    description: '',
    order: 5 + i,
    parentId: 'c0',
  })),
];

const SPEAKERS = [
  ...'张伟 王芳 李娜 刘洋 陈静 杨帆 赵磊 黄敏 周杰 吴昊 国家统计局 财政部 商务部 世界银行'.split(
    ' ',
  ),
  'Li Wei',
  'Sarah Chen',
  'Tom Baker',
  'IMF spokesperson',
];
const NOTES = [
  '待核实：来源为二手转述。',
  '数据与统计公报不一致',
  '需要对照去年同期口径',
  'Check against the official release',
  '引述未注明出处',
  'Figure looks rounded; ask the bureau',
];
/** Statuses with the weights an analyst's library might show. */
const STATUS_WEIGHTS: [ClaimStatus, number][] = [
  ['unverified', 0.5],
  ['supported', 0.2],
  ['disputed', 0.12],
  ['false', 0.08],
  ['opinion', 0.1],
];

function englishText(targetBytes: number, seed: number): string {
  const paragraphs = makeParagraphs('en', Math.max(1, Math.round(targetBytes / 350)), seed);
  return `${paragraphs[0]?.split('.')[0] ?? 'Report'}\n${paragraphs.join('\n')}\n`;
}

/** Puts `phrase` into the middle of the paragraph at the middle of `text`. */
function insertRare(text: string, phrase: string): string {
  const at = text.indexOf('。', Math.floor(text.length / 2));
  const cut = at < 0 ? Math.floor(text.length / 2) : at + 1;
  return `${text.slice(0, cut)}据${phrase}披露，相关数据仍在复核。${text.slice(cut)}`;
}

function status(rng: () => number): ClaimStatus {
  let r = rng();
  for (const [s, w] of STATUS_WEIGHTS) if ((r -= w) < 0) return s;
  return CLAIM_STATUSES[0];
}

function annotationsOf(doc: LibraryDoc, d: number, count: number): Annotation[] {
  const rng = prng(9000 + d);
  const { text } = doc;
  return makeSpans(text, count, 5, 100 + d).map((span, i): Annotation => {
    const ids = span.categories.map((c) => `c${c === 0 && rng() < 0.5 ? 5 + (i % 2) : c}`);
    const speaker = rng() < 0.7 ? (SPEAKERS[Math.floor(rng() * SPEAKERS.length)] ?? '') : '';
    return {
      id: `bench-${String(d).padStart(3, '0')}-${String(i).padStart(5, '0')}`,
      docId: doc.record.id,
      start: span.start,
      end: span.end,
      ...contextAround(text, span.start, span.end),
      categoryIds: ids,
      note: rng() < 0.2 ? (NOTES[Math.floor(rng() * NOTES.length)] ?? '') : '',
      createdAt: doc.record.addedAt,
      updatedAt: doc.record.addedAt,
      status: status(rng),
      speaker,
      evidence: rng() < 0.15 ? `https://example.org/release/${d}-${i}` : '',
    };
  });
}

export interface LibrarySpec {
  docs: number;
  /** UTF-8 bytes of document `d`. */
  bytesOf(d: number): number;
  annotations: number;
  /** Digits of the number in each document's id and file name. */
  idWidth: number;
  /** When document `d` was added (the library's "newest" order). */
  addedAt(d: number): Date;
  /** The rare phrase of the search measurements, in RARE_DOCS. */
  rare: boolean;
}

/** A library to the spec: the same documents and annotations in every page. */
export function buildLibrary(spec: LibrarySpec): Library {
  const docs: LibraryDoc[] = [];
  for (let d = 0; d < spec.docs; d++) {
    const bytes = spec.bytesOf(d);
    const english = d % ENGLISH_EVERY === ENGLISH_EVERY - 1;
    let text = english ? englishText(bytes, 500 + d) : generateText(bytes, 1000 + d);
    if (spec.rare && RARE_DOCS.includes(d)) text = insertRare(text, RARE_PHRASE);
    const number = String(d).padStart(spec.idWidth, '0');
    const name = `news-${number}.txt`;
    const record: DocumentRecord = {
      id: `bench-doc-${number}`,
      sha256: '',
      title: defaultTitle(text, name),
      fileName: name,
      encoding: 'utf-8',
      bom: false,
      length: codePointLength(text),
      addedAt: spec.addedAt(d).toISOString(),
      reflow: null,
    };
    docs.push({ record, text });
  }
  const annotations: Annotation[] = [];
  const total = docs.reduce((n, d) => n + d.text.length, 0);
  let given = 0;
  docs.forEach((doc, d) => {
    // Annotations in proportion to the text, so that long articles carry more.
    const want = Math.round((spec.annotations * (given + doc.text.length)) / total);
    const count = want - Math.round((spec.annotations * given) / total);
    given += doc.text.length;
    if (count > 0) annotations.push(...annotationsOf(doc, d, count));
  });
  return { docs, annotations, categories: CATEGORIES };
}

export function infoOf(lib: Library, t0: number): LibraryInfo {
  const encoder = new TextEncoder();
  return {
    docs: lib.docs.length,
    englishDocs: lib.docs.filter((_, d) => d % ENGLISH_EVERY === ENGLISH_EVERY - 1).length,
    chars: lib.docs.reduce((n, d) => n + d.text.length, 0),
    bytes: lib.docs.reduce((n, d) => n + encoder.encode(d.text).length, 0),
    annotations: lib.annotations.length,
    ms: ms(t0),
  };
}

/**
 * Writes a library into the app's database (the app must have seeded its
 * codebook): documents with their texts and bytes in chunks of 20, then the
 * annotations in chunks of 1,000, their categories mapped onto the app's.
 */
export async function writeLibrary(
  lib: Library,
): Promise<{ docsMs: number; annotationsMs: number }> {
  const db = new ClaimmarkDB();
  try {
    await db.open();
    const codebook = await db.categories.orderBy('order').toArray();
    if (codebook.length < 5) throw new Error('no default codebook yet: load the app first');
    const t0 = performance.now();
    const ids = new Map(codebook.slice(0, 5).map((c, i) => [`c${i}`, c.id]));
    const subs = lib.categories
      .filter((c) => c.parentId !== null)
      .map((c): Category => ({ ...c, id: crypto.randomUUID(), parentId: ids.get('c0') ?? null }));
    lib.categories.filter((c) => c.parentId !== null).forEach((c, i) => ids.set(c.id, subs[i]!.id));
    await db.categories.bulkPut(subs);
    const encoder = new TextEncoder();
    for (let i = 0; i < lib.docs.length; i += 20) {
      const chunk = lib.docs.slice(i, i + 20);
      const records = await Promise.all(
        chunk.map(async (d) => ({ ...d.record, sha256: await sha256Hex(d.text) })),
      );
      await db.transaction('rw', db.documents, db.texts, db.sources, async () => {
        await db.documents.bulkAdd(records);
        await db.texts.bulkAdd(chunk.map((d) => ({ docId: d.record.id, text: d.text })));
        await db.sources.bulkAdd(
          chunk.map((d) => ({ docId: d.record.id, bytes: encoder.encode(d.text) })),
        );
      });
    }
    const docsMs = ms(t0);
    const t1 = performance.now();
    for (let i = 0; i < lib.annotations.length; i += 1000) {
      await db.annotations.bulkAdd(
        lib.annotations.slice(i, i + 1000).map((a) => ({
          ...a,
          categoryIds: a.categoryIds.map((c) => ids.get(c) ?? c),
        })),
      );
    }
    return { docsMs, annotationsMs: ms(t1) };
  } finally {
    db.close();
  }
}

export const libraryApi: Pick<BenchApi, 'makeLibrary' | 'seedLibrary'> = {
  async makeLibrary(docCount, totalBytes, annotationCount) {
    const t0 = performance.now();
    library = buildLibrary({
      docs: docCount,
      // Sizes from half to one and a half times the mean, as articles vary.
      bytesOf: (d) => Math.round((totalBytes / docCount) * (0.5 + d / Math.max(1, docCount - 1))),
      annotations: annotationCount,
      idWidth: 3,
      addedAt: (d) => new Date(Date.UTC(2025, 0, 1, 0, d)),
      rare: true,
    });
    return infoOf(library, t0);
  },

  seedLibrary: () => writeLibrary(currentLibrary()),
};
