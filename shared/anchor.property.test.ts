import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnchorInput, AnchorOutcome } from './anchor';
import { reanchor } from './anchor';
import { contextAround } from './text';

/**
 * A small alphabet, so that quotes and their context repeat often: the cases
 * where choosing among several exact matches matters.
 */
const UNITS = ['a', 'b', ' ', '中', '文', '。', '\n'];
const SENTINEL = '★';
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...UNITS), minLength: min, maxLength: max });

/** An edit, placed later either before the anchor's context or after it. */
const editArb = fc.record({
  after: fc.boolean(),
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: text(0, 12),
});
interface Edit {
  after: boolean;
  at: number;
  remove: number;
  insert: string;
}

/** A text with an anchor on `[start, start + length)`, its context taken as the app does. */
const anchored = (withSentinel: boolean) =>
  fc
    .record({ body: text(1, 200), start: fc.nat(), length: fc.integer({ min: 1, max: 24 }) })
    .map(({ body, start, length }) => {
      const s = start % body.length;
      let e = Math.min(body.length, s + length);
      let old = body;
      if (withSentinel) {
        // One character no edit inserts, somewhere inside the quote: its only copy.
        const k = s + ((start >> 8) % (e - s + 1));
        old = body.slice(0, k) + SENTINEL + body.slice(k);
        e++;
      }
      const anchor: AnchorInput = { id: 'x', start: s, end: e, ...contextAround(old, s, e) };
      return { old, anchor };
    });

/**
 * Applies the edits one after another, each wholly outside the anchor's quote
 * and stored context (N = 0: it may touch the context's outer edge, not cross
 * it). Returns the new text and where the quote now starts.
 */
function applyAway(old: string, a: AnchorInput, edits: readonly Edit[]) {
  let t = old;
  let start = a.start;
  for (const { after, at, remove, insert } of edits) {
    const ctxStart = start - a.prefix.length;
    const ctxEnd = start + a.quote.length + a.suffix.length;
    if (after) {
      const p = ctxEnd + (at % (t.length - ctxEnd + 1));
      t = t.slice(0, p) + insert + t.slice(Math.min(t.length, p + remove));
    } else {
      const p = at % (ctxStart + 1);
      const r = Math.min(remove, ctxStart - p);
      t = t.slice(0, p) + insert + t.slice(p + r);
      start += insert.length - r;
    }
  }
  return { changed: t, start };
}

const found = (o: AnchorOutcome | undefined): boolean =>
  o?.status === 'kept' || (o?.status === 'moved' && o.how === 'exact');

describe('reanchor properties', () => {
  it('never loses an annotation to edits away from its quote and context', () => {
    fc.assert(
      fc.property(
        anchored(false),
        fc.array(editArb, { maxLength: 6 }),
        fc.boolean(),
        (g, es, o) => {
          const { old, anchor } = g;
          const { changed } = applyAway(old, anchor, es);
          const [out] = reanchor(changed, [anchor], o ? { oldText: old } : {});
          expect(found(out)).toBe(true);
          if (out?.status === 'orphaned' || !out) return;
          expect(changed.slice(out.start, out.end)).toBe(anchor.quote);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('puts a unique quote exactly where the edits moved it', () => {
    fc.assert(
      fc.property(anchored(true), fc.array(editArb, { maxLength: 6 }), fc.boolean(), (g, es, o) => {
        const { old, anchor } = g;
        const { changed, start } = applyAway(old, anchor, es);
        expect(changed.slice(start, start + anchor.quote.length)).toBe(anchor.quote);
        const [out] = reanchor(changed, [anchor], o ? { oldText: old } : {});
        const status = start === anchor.start ? 'kept' : 'moved';
        expect(out).toMatchObject({ status, start, end: start + anchor.quote.length });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every annotation in place when the text did not change', () => {
    const spans = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })), { maxLength: 20 });
    fc.assert(
      fc.property(text(1, 300), spans, fc.boolean(), (body, list, withOld) => {
        const anchors = list.map(([s, n], i): AnchorInput => {
          const start = s % body.length;
          const end = Math.min(body.length, start + n);
          return { id: `a${i}`, start, end, ...contextAround(body, start, end) };
        });
        const out = reanchor(body, anchors, withOld ? { oldText: body } : {});
        const want = anchors.map(({ id, start, end }) => ({ id, status: 'kept', start, end }));
        expect(out).toEqual(want);
      }),
    );
  });

  it('answers every input once, in order, with spans that fit the new text', () => {
    const junk = fc.record({
      id: fc.string(),
      start: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constant(Number.NaN)),
      end: fc.integer({ min: -5, max: 300 }),
      quote: text(0, 20),
      prefix: text(0, 32),
      suffix: text(0, 32),
    });
    fc.assert(
      fc.property(text(0, 300), fc.array(junk, { maxLength: 30 }), (body, anchors) => {
        const out = reanchor(body, anchors);
        expect(out.map((o) => o.id)).toEqual(anchors.map((a) => a.id));
        out.forEach((o, i) => {
          if (o.status === 'orphaned') return;
          expect(0 <= o.start && o.start <= o.end && o.end <= body.length).toBe(true);
          if (found(o)) expect(body.slice(o.start, o.end)).toBe(anchors[i]?.quote);
        });
      }),
    );
  });
});
