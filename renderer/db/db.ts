import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { figureRecords } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import type {
  Annotation,
  Category,
  ClaimKind,
  Dismissal,
  DocumentOriginal,
  DocumentRecord,
  DocumentSource,
  DocumentText,
} from '../../shared/types';
import { headOf, HEADS_TABLE, type DocumentHead } from './heads';
import { headsMiddleware } from './heads-middleware';
import type { SpansRecord } from './spans';
import { SHIFTS_TABLE, type ShiftsRecord } from './shifts';
import { shiftsMiddleware } from './shifts-middleware';
import { spansMiddleware } from './spans-middleware';

export interface Setting {
  key: string;
  value: string;
}

/**
 * Version 1: the document list (no text), texts, original bytes, annotations,
 * the codebook and settings. Only what a query needs is indexed: documents by
 * sha256 (identity on import) and addedAt/title (library sort); annotations by
 * docId and by each of their categories.
 */
export const SCHEMA_V1 = {
  documents: 'id, &sha256, addedAt, title',
  texts: 'docId',
  sources: 'docId',
  annotations: 'id, docId, *categoryIds',
  categories: 'id, order',
  settings: 'key',
} as const;

/** Version 2: reflowed documents keep their original text and offset map apart. */
export const SCHEMA_V2 = { ...SCHEMA_V1, originals: 'docId' } as const;

/** Documents stored before version 2 were shown as in the file. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<DocumentRecord>('documents')
    .toCollection()
    .modify((doc) => {
      if (doc.reflow === undefined) doc.reflow = null;
    });
}

/**
 * Version 3: claim fields on annotations (status, speaker, evidence),
 * subcategories, a [docId+start+end] index (a document's annotations in text
 * order without sorting, a span found without a scan) and a speaker index (the
 * names already used, suggested when typing a speaker).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  annotations: 'id, docId, *categoryIds, [docId+start+end], speaker',
} as const;

export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table<Annotation>('annotations')
    .toCollection()
    .modify((a) => {
      a.status ??= 'unverified';
      a.speaker ??= '';
      a.evidence ??= '';
    });
  await tx
    .table<Category>('categories')
    .toCollection()
    .modify((c) => {
      c.parentId ??= null;
    });
}

/**
 * Version 4: dismissed suggestions (by document), and the codebook's mapping
 * from a suggested claim's kind to the category it is accepted into.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, dismissals: 'id, docId' } as const;

/** The default categories get the kinds they stand for; annotations get their figures, indexed. */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const kinds: Record<string, ClaimKind> = {
    'Statistic 数据': 'statistic',
    'Target 目标': 'target',
    'Attribution 引述': 'attribution',
  };
  await tx
    .table<Category>('categories')
    .toCollection()
    .modify((c) => {
      const kind = kinds[c.name];
      if (kind && c.claimKind === undefined) c.claimKind = kind;
    });
  await tx
    .table<Annotation>('annotations')
    .toCollection()
    .modify((a) => {
      a.quantities ??= findQuantities(a.quote);
      a.claimFigures ??= figureRecords(a.quote, a.quantities);
    });
}

/** Version 5: annotations record their coder (`createdBy`, `updatedBy`); no new index. */
export const SCHEMA_V5 = SCHEMA_V4;

/** The settings key of the coder's name (Settings ▸ Your name). */
export const CODER_SETTING = 'coder';

/**
 * Annotations made before coders existed are credited to the coder named on
 * this machine, if any; "" otherwise, filled in when a name is first given
 * (renderer/settings/coder.ts).
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const setting = await tx.table<Setting, string>('settings').get(CODER_SETTING);
  const coder = setting?.value.trim() ?? '';
  await tx
    .table<Annotation>('annotations')
    .toCollection()
    .modify((a) => {
      a.createdBy ??= coder;
      a.updatedBy ??= a.createdBy;
    });
}

/** Each document's highlights as one record, kept by spansMiddleware; made on first open. */
export const SCHEMA_V6 = { ...SCHEMA_V5, spans: 'docId' } as const;

/** Version 7: the start of each long text (heads.ts), kept by headsMiddleware. */
export const SCHEMA_V7 = { ...SCHEMA_V6, [HEADS_TABLE]: 'docId' } as const;

/** The long texts stored before version 7 get their heads (one read of every text, once). */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const heads: DocumentHead[] = [];
  await tx.table<DocumentText, string>('texts').each((t) => {
    const head = headOf(t);
    if (head) heads.push(head);
  });
  await tx.table<DocumentHead, string>(HEADS_TABLE).bulkPut(heads);
}

/**
 * Version 8: where a replaced text moved each document's annotations
 * (shifts.ts), so that a replacement writes only the annotations it changed
 * and not every one it moved; kept by shiftsMiddleware.
 */
export const SCHEMA_V8 = { ...SCHEMA_V7, [SHIFTS_TABLE]: 'docId' } as const;

export class ClaimmarkDB extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  texts!: EntityTable<DocumentText, 'docId'>;
  originals!: EntityTable<DocumentOriginal, 'docId'>;
  sources!: EntityTable<DocumentSource, 'docId'>;
  annotations!: EntityTable<Annotation, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  dismissals!: EntityTable<Dismissal, 'id'>;
  spans!: EntityTable<SpansRecord, 'docId'>;
  heads!: EntityTable<DocumentHead, 'docId'>;
  shifts!: EntityTable<ShiftsRecord, 'docId'>;

  constructor(name = 'claimmark') {
    // No query cache: it deep-cloned every live result (20,000 annotations on
    // each keystroke of a note), and nothing here relies on its optimistic updates.
    super(name, { cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMA_V6);
    this.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);
    this.version(8).stores(SCHEMA_V8);
    this.use(shiftsMiddleware);
    this.use(spansMiddleware);
    this.use(headsMiddleware);
  }
}
