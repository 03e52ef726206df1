import { reanchor, type AnchorOutcome } from '../../shared/anchor';
import { sameData } from '../../shared/same-data';
import { anchorFields } from '../annotations/anchor-fields';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { deltaAt, withStep, type ShiftsRecord, type ShiftStep } from '../db/shifts';
import { keepSpans } from '../db/document-annotations';

export interface AnchorReport {
  kept: number;
  moved: number;
  orphaned: number;
}

/** Records per bulkPut: IndexedDB's cost is per record, and a thousand keep each request short. */
export const WRITE_CHUNK = 1000;

/**
 * The record to write for a stored annotation after re-anchoring, or null
 * when it would be the stored record again, field by field (the same place,
 * quote, context, figures and orphan state): that one is not written.
 */
export function rewritten(text: string, a: Annotation, o: AnchorOutcome): Annotation | null {
  let next: Annotation;
  if (o.status === 'orphaned') next = { ...a, orphaned: true };
  else {
    const { orphaned: _, ...rest } = a;
    next = { ...rest, start: o.start, end: o.end, ...anchorFields(text, o.start, o.end) };
  }
  return sameData(next, a) ? null : next;
}

/** The annotations that kept their quote's length, as (old start, new start), in old start order. */
function movesOf(annotations: readonly Annotation[], outcomes: readonly AnchorOutcome[]) {
  const moves: [number, number][] = [];
  annotations.forEach((a, i) => {
    const o = outcomes[i]!;
    if (!a.orphaned && o.status !== 'orphaned' && o.end - o.start === a.end - a.start)
      moves.push([a.start, o.start]);
  });
  return moves.sort((x, y) => x[0] - y[0]);
}

/** Where a record not written is read after the step (orphans are never moved). */
function throughStep(a: Annotation, step: ShiftStep | null): Annotation {
  if (!step || a.orphaned) return a;
  const d = deltaAt(step, a.start);
  return d === 0 ? a : { ...a, start: a.start + d, end: a.end + d };
}

/** The tables reanchorStored reads and writes, beside the caller's own. */
export const reanchorTables = (db: ClaimmarkDB) => [db.annotations, db.shifts, db.spans];

/** What a replacement writes: the shifts record with its new step (null: none needed), and the records. */
export interface PlannedWrites {
  record: ShiftsRecord | null;
  /** The records the step does not place as they must be now, to be written. */
  changed: Annotation[];
  /** Every record as it reads after the writes. */
  finals: Annotation[];
}

/**
 * Where most annotations moved by the same few characters, that goes into
 * the document's shifts record (shifts.ts) as one step, and the records it
 * places right are left as stored; every other change is written.
 */
export function plannedWrites(
  docId: string,
  text: string,
  annotations: readonly Annotation[],
  outcomes: readonly AnchorOutcome[],
  shifts: ShiftsRecord | undefined,
): PlannedWrites {
  const next = withStep(docId, shifts, movesOf(annotations, outcomes));
  const step = next.steps[next.steps.length - 1]!;
  const moved = step.from.length > 0 ? step : null;
  const finals: Annotation[] = [];
  const changed: Annotation[] = [];
  annotations.forEach((a, i) => {
    const o = outcomes[i]!;
    // An orphan keeps the place it was last found at, as stored.
    const seen = o.status === 'orphaned' ? a : throughStep(a, moved);
    const written = rewritten(text, seen, o);
    if (written) changed.push(written);
    finals.push(written ?? seen);
  });
  return { record: moved ? next : null, changed, finals };
}

/**
 * Finds a document's annotations again in its new text and writes back only
 * what plannedWrites says, the annotations in chunks; the spans record is
 * made again when a step moved its highlights.
 *
 * Call it inside a transaction over the annotations, shifts and spans: it
 * reads them there, so an edit made meanwhile is not overwritten by a stale
 * copy, and a failing write aborts the whole change, so the text and the
 * annotations stay as they were.
 */
export async function reanchorStored(
  db: ClaimmarkDB,
  docId: string,
  text: string,
  oldText: string,
): Promise<AnchorOutcome[]> {
  const [annotations, shifts] = await Promise.all([
    db.annotations.where('docId').equals(docId).toArray(),
    db.shifts.get(docId),
  ]);
  const outcomes = reanchor(text, annotations, { oldText });
  const { record, changed, finals } = plannedWrites(docId, text, annotations, outcomes, shifts);
  // Before the annotations: those written are stamped with the new generation.
  if (record) await db.shifts.put(record);
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < changed.length; i += WRITE_CHUNK) {
    const put = db.annotations.bulkPut(changed.slice(i, i + WRITE_CHUNK));
    // Should a later step throw, the aborted transaction fails this put too:
    // that is the same failure, not one more to report.
    put.catch(() => {});
    writes.push(put);
  }
  await Promise.all(writes);
  // The spans middleware kept the record in step with the writes only; the
  // records left as stored moved too. (A document without one gets none.)
  // Last: an annotation written after it in this transaction would have the
  // spans middleware write its older copy of the record back.
  if (record && (await db.spans.get(docId))) await keepSpans(db, docId, finals);
  return outcomes;
}
