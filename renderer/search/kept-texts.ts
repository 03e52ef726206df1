import type { ChangedKeys } from './library-changes';

/** A guess at a document's size before any has been read. */
const FIRST_GUESS_UNITS = 50_000;

/**
 * The texts kept between searches, within a budget of UTF-16 units, and the
 * sizes of all those read, from which a batch's size is guessed before it is
 * read.
 */
export class KeptTexts {
  private readonly docs = new Map<string, string>();
  private units = 0;
  private readUnits = 0;
  private readDocs = 0;
  private changeCount = 0;

  constructor(private readonly budget: number) {}

  /** Bumped by every change to the texts, so that a read begun before it is not kept. */
  get epoch(): number {
    return this.changeCount;
  }

  get(docId: string): string | undefined {
    return this.docs.get(docId);
  }

  has(docId: string): boolean {
    return this.docs.has(docId);
  }

  /** Drops the texts changed (null: all), to be read again at the next search. */
  changed(keys: ChangedKeys): void {
    this.changeCount++;
    if (!keys) {
      this.docs.clear();
      this.units = 0;
      return;
    }
    for (const key of keys) {
      const doc = this.docs.get(key);
      if (doc === undefined) continue;
      this.units -= doc.length;
      this.docs.delete(key);
    }
  }

  /** A text read from `epoch` on: counted for the guesses, kept if nothing changed since and it fits. */
  add(docId: string, doc: string, epoch: number): void {
    this.readUnits += doc.length;
    this.readDocs++;
    if (epoch === this.changeCount && this.units + doc.length <= this.budget) {
      this.docs.set(docId, doc);
      this.units += doc.length;
    }
  }

  guessUnits(): number {
    return this.readDocs > 0 ? this.readUnits / this.readDocs : FIRST_GUESS_UNITS;
  }
}
