import Dexie, { type Table } from 'dexie';
import type { Annotation, DocumentText } from '../../shared/types';

export interface LibraryTables {
  db: Dexie;
  texts: Table<DocumentText, string>;
  annotations: Table<Annotation, string>;
}

/** The library's database, opened at the first read. */
export class LibraryDb {
  private db: Dexie | null = null;
  private opening: Promise<Dexie> | null = null;

  constructor(private readonly name: string) {}

  async tables(): Promise<LibraryTables> {
    const db = await this.open();
    return { db, texts: db.table('texts'), annotations: db.table('annotations') };
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private open(): Promise<Dexie> {
    // Opened without a schema: the engine only reads, so it never creates or
    // upgrades the library, and it works whatever version the app is at.
    this.opening ??= (async () => {
      const db = new Dexie(this.name, { cache: 'disabled' });
      await db.open();
      this.db = db;
      return db;
    })().catch((error: unknown) => {
      this.opening = null; // try again at the next search
      throw error;
    });
    return this.opening;
  }
}
