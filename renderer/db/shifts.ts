/**
 * Where a document's annotations moved when its text was replaced, kept as
 * one record instead of in every annotation. A replacement after scattered
 * edits moves nearly every annotation by a few characters, and IndexedDB's
 * cost is per record written (10,000 puts took 2 s here whatever their size
 * or indexes): so an annotation that only moved keeps its stored position,
 * stamped with the text's generation it was written at, and is read through
 * the shifts made since (shifts-middleware.ts). Compaction (compaction.ts)
 * rewrites such records afterwards, so the position index is exact again.
 */

/** One replacement's moves: from each `from` (an old start) on, starts and ends move by `delta`. */
export interface ShiftStep {
  /** The generation this step makes (the one before it is gen − 1). */
  gen: number;
  /** Old starts, ascending; the delta of the last one at or before a start applies. */
  from: Int32Array;
  delta: Int32Array;
}

/**
 * A document's generations. An annotation record stamped `gen` g (absent:
 * 0) is read through every step made after g; with no record, or no step
 * after g, its stored position is the current one.
 */
export interface ShiftsRecord {
  docId: string;
  /**
   * Made with the record: a document deleted (or restored) and made again
   * under its id starts again at generation 1, and a compaction begun on the
   * old record must not take the new one for it.
   */
  epoch: string;
  /** The current generation. */
  gen: number;
  steps: ShiftStep[];
}

export const SHIFTS_TABLE = 'shifts';
/** The field of an annotation record holding its generation (never shown above the middleware). */
export const GEN = 'gen';

/** An annotation record as stored: what the steps need of it, and its generation. */
export interface StoredAnnotation {
  id: string;
  docId: string;
  start: number;
  end: number;
  orphaned?: boolean;
  [GEN]?: number;
}

export const isStoredAnnotation = (v: unknown): v is StoredAnnotation =>
  typeof v === 'object' && v !== null && typeof (v as StoredAnnotation).docId === 'string';

/**
 * Where a stored record is now: [start, end], or null when it is where it is
 * stored. An orphan is never moved: it keeps the place it was last found at.
 */
export function placeOf(
  v: StoredAnnotation,
  record: ShiftsRecord | undefined,
): [number, number] | null {
  const gen = v[GEN] ?? 0;
  if (v.orphaned || !isStale(record, gen)) return null;
  return shiftedSpan(record, gen, v.start, v.end);
}

/** By its tag, not instanceof: a copy made in another realm (a test's DOM) is one too. */
const isInt32Array = (x: unknown): x is Int32Array =>
  Object.prototype.toString.call(x) === '[object Int32Array]';

/** A stored value is a whole shifts record (a damaged one is not). */
export function isShiftsRecord(value: unknown): value is ShiftsRecord {
  const r = value as Partial<ShiftsRecord> | undefined;
  if (!r || typeof r.docId !== 'string' || typeof r.epoch !== 'string') return false;
  if (!Number.isInteger(r.gen) || !Array.isArray(r.steps)) return false;
  return r.steps.every(
    (s: Partial<ShiftStep>) =>
      Number.isInteger(s.gen) &&
      isInt32Array(s.from) &&
      isInt32Array(s.delta) &&
      s.from.length === s.delta.length,
  );
}

/** The delta a step gives a record starting at `start`. */
export function deltaAt(step: ShiftStep, start: number): number {
  const { from, delta } = step;
  let lo = 0;
  let hi = from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (from[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : delta[lo - 1]!;
}

/** A record's start and end now, from where it was stored at generation `gen`. */
export function shiftedSpan(
  record: ShiftsRecord | undefined,
  gen: number,
  start: number,
  end: number,
): [number, number] {
  if (!record || gen >= record.gen) return [start, end];
  for (const step of record.steps) {
    if (step.gen <= gen) continue;
    const d = deltaAt(step, start);
    start += d;
    end += d;
  }
  return [start, end];
}

/** Whether records stamped at `gen` are read through a step (so the position index may be stale). */
export const isStale = (record: ShiftsRecord | undefined, gen: number): record is ShiftsRecord =>
  !!record && gen < record.gen && record.steps.some((s) => s.gen > gen);

/** Whether any record of the document may be read through a step. */
export const hasSteps = (record: ShiftsRecord | undefined): boolean =>
  !!record && record.steps.length > 0;

/**
 * The step that fits most moves: `moves` are (old start, new start) of
 * annotations that kept their length, in ascending old start. A run of
 * moves by one delta becomes one entry. Whatever the step gets wrong, the
 * caller writes: it checks every annotation against the step.
 */
export function stepOf(gen: number, moves: Iterable<readonly [number, number]>): ShiftStep {
  const from: number[] = [];
  const delta: number[] = [];
  let current = 0;
  for (const [oldStart, newStart] of moves) {
    const d = newStart - oldStart;
    if (d === current) continue;
    // Two moves from one start: the later wins, the earlier is written.
    if (from.length > 0 && from[from.length - 1] === oldStart) {
      delta[delta.length - 1] = d;
    } else {
      from.push(oldStart);
      delta.push(d);
    }
    current = d;
  }
  return { gen, from: Int32Array.from(from), delta: Int32Array.from(delta) };
}

/** The document's record with one more step (none yet: the first generation after 0). */
export function withStep(
  docId: string,
  record: ShiftsRecord | undefined,
  moves: Iterable<readonly [number, number]>,
): ShiftsRecord {
  const gen = (record?.gen ?? 0) + 1;
  const epoch = record?.epoch ?? crypto.randomUUID();
  return { docId, epoch, gen, steps: [...(record?.steps ?? []), stepOf(gen, moves)] };
}
