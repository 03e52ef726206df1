import Dexie, { type EntityTable } from 'dexie';
import type {
  Annotation,
  Category,
  DocumentRecord,
  DocumentSource,
  DocumentText,
} from '../../shared/types';

export interface Setting {
  key: string;
  value: string;
}

/**
 * The Claimmark database. The document list stays small because text and
 * source bytes live in their own tables, read one document at a time.
 *
 * Version 1 indexes only what a query needs: documents by sha256 (identity on
 * import) and addedAt/title (library sort); annotations by docId (one
 * document's annotations) and categoryIds (how many use a category).
 */
export class ClaimmarkDB extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  texts!: EntityTable<DocumentText, 'docId'>;
  sources!: EntityTable<DocumentSource, 'docId'>;
  annotations!: EntityTable<Annotation, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = 'claimmark') {
    super(name);
    this.version(1).stores({
      documents: 'id, &sha256, addedAt, title',
      texts: 'docId',
      sources: 'docId',
      annotations: 'id, docId, *categoryIds',
      categories: 'id, order',
      settings: 'key',
    });
  }
}
