import { describe, expect, it } from 'vitest';
import { categoryCounts, coOccurrence, countBy, countByCategory } from './stats';

interface A {
  docId: string;
  start: number;
  end: number;
  categoryIds: string[];
  orphaned?: boolean;
}

const a = (docId: string, start: number, end: number, cats: string[], orphaned = false): A => ({
  docId,
  start,
  end,
  categoryIds: cats,
  ...(orphaned ? { orphaned } : {}),
});

/** Hand-built: the comment on each line says what it adds. */
const EXAMPLE: A[] = [
  a('d1', 0, 10, ['X', 'Y']), // a1: X–Y on one annotation
  a('d1', 0, 10, ['Z']), // a2: same span as a1 → X–Z, Y–Z
  a('d1', 5, 15, ['X']), // a3: overlaps a1 (X–Y) and a2 (X–Z)
  a('d1', 15, 20, ['Y']), // a4: touches a3 (15 == 15): nothing
  a('d1', 18, 25, ['Z', 'Z']), // a5: overlaps a4 → Y–Z; Z repeated counts once
  a('d1', 30, 40, ['X', 'Y']), // a6: X–Y
  a('d1', 35, 45, ['Y', 'X']), // a7: X–Y, and a6×a7 X–Y once (not twice)
  a('d2', 0, 10, ['X']), // b1: same offsets as a2, other document: nothing
  a('d2', 5, 5, ['Y']), // b2: empty span inside b1: overlaps nothing
  a('d2', 0, 10, ['Y', 'Z'], true), // b3: orphan: Y–Z on itself, no overlap with b1
  a('d2', 0, 10, ['unknown']), // b4: category not listed: ignored
  a('d2', 0, 10, []), // b5: no category
];

describe('countBy', () => {
  it('counts items per key in order of first appearance', () => {
    const counts = countBy(['b', 'a', 'b', 'c', 'b'], (s) => s);
    expect([...counts]).toEqual([
      ['b', 3],
      ['a', 1],
      ['c', 1],
    ]);
  });
});

describe('countByCategory', () => {
  it('counts annotations per category, orphans included, repeats once', () => {
    const counts = countByCategory(EXAMPLE);
    expect(Object.fromEntries(counts)).toEqual({ X: 5, Y: 6, Z: 3, unknown: 1 });
  });

  it('lists counts in the order asked, zeros included', () => {
    expect(categoryCounts(EXAMPLE, ['Z', 'W', 'X'])).toEqual([
      { categoryId: 'Z', count: 3 },
      { categoryId: 'W', count: 0 },
      { categoryId: 'X', count: 5 },
    ]);
  });
});

describe('coOccurrence', () => {
  it('counts the hand-built example', () => {
    const m = coOccurrence(EXAMPLE, ['X', 'Y', 'Z', 'W']);
    expect(m).toEqual([
      // X  Y  Z  W
      [5, 5, 2, 0], // X
      [5, 6, 3, 0], // Y
      [2, 3, 3, 0], // Z
      [0, 0, 0, 0], // W
    ]);
  });

  it('diagonal equals the per-category totals', () => {
    const ids = ['X', 'Y', 'Z'];
    const m = coOccurrence(EXAMPLE, ids);
    const totals = countByCategory(EXAMPLE);
    ids.forEach((id, i) => expect(m[i]?.[i]).toBe(totals.get(id)));
  });

  it('does not count touching spans, other documents or orphans as overlap', () => {
    const ids = ['P', 'Q'];
    const pq = (list: A[]) => coOccurrence(list, ids)[0]?.[1];
    expect(pq([a('d', 0, 5, ['P']), a('d', 5, 9, ['Q'])])).toBe(0);
    expect(pq([a('d', 0, 6, ['P']), a('d', 5, 9, ['Q'])])).toBe(1);
    expect(pq([a('d', 0, 9, ['P']), a('e', 0, 9, ['Q'])])).toBe(0);
    expect(pq([a('d', 0, 9, ['P']), a('d', 0, 9, ['Q'], true)])).toBe(0);
    expect(pq([a('d', 2, 3, ['P']), a('d', 0, 9, ['Q'])])).toBe(1); // nested
    const far = 5e15; // too large for packed sort keys: the comparator sort takes over
    expect(pq([a('d', far + 5, far + 9, ['Q']), a('d', far, far + 6, ['P'])])).toBe(1);
    expect(pq([a('d', far + 6, far + 9, ['Q']), a('d', far, far + 6, ['P'])])).toBe(0);
  });

  it('is symmetric and handles no categories', () => {
    expect(coOccurrence(EXAMPLE, [])).toEqual([]);
    const m = coOccurrence(EXAMPLE, ['Z', 'X', 'Y']);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(m[i]?.[j]).toBe(m[j]?.[i]);
    expect(m[0]?.[1]).toBe(2); // Z–X
  });

  it('agrees with an all-pairs count on random data', () => {
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const rand = mulberry32(7);
    const list: A[] = [];
    for (let n = 0; n < 400; n++) {
      const start = Math.floor(rand() * 300);
      const cats = ids.filter(() => rand() < 0.3);
      const docId = rand() < 0.5 ? 'd1' : 'd2';
      list.push(a(docId, start, start + Math.floor(rand() * 25), cats, rand() < 0.05));
    }
    expect(coOccurrence(list, ids)).toEqual(bruteForce(list, ids));
  });

  it('runs on 100,000 annotations in one document without comparing all pairs', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const rand = mulberry32(42);
    const make = (docs: number): A[] =>
      Array.from({ length: 100_000 }, (_, n) => {
        const start = Math.floor(rand() * 10_000_000);
        const cats = [ids[n % 20] as string];
        if (rand() < 0.4) cats.push(ids[Math.floor(rand() * 20)] as string);
        return a(`d${n % docs}`, start, start + 5 + Math.floor(rand() * 200), cats);
      });
    for (const docs of [1, 200]) {
      const list = make(docs);
      const t0 = performance.now();
      const m = coOccurrence(list, ids);
      const ms = performance.now() - t0;
      console.log(`coOccurrence: 100,000 annotations in ${docs} document(s): ${ms.toFixed(0)} ms`);
      expect(m.reduce((s, row, i) => s + (row[i] ?? 0), 0)).toBeGreaterThanOrEqual(100_000);
    }
  });
});

/** The definition in stats.ts, spelled out as O(n²) with explicit units. */
function bruteForce(list: A[], ids: string[]): number[][] {
  const k = ids.length;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const cats = (x: A) => ids.map((_, i) => i).filter((i) => x.categoryIds.includes(ids[i]!));
  const addUnit = (pairs: Set<string>) => {
    for (const p of pairs) {
      const [i, j] = p.split(',').map(Number) as [number, number];
      m[i]![j]!++;
      m[j]![i]!++;
    }
  };
  list.forEach((x, xi) => {
    const cx = cats(x);
    for (const i of cx) m[i]![i]!++;
    const self = new Set<string>();
    for (const i of cx) for (const j of cx) if (i < j) self.add(`${i},${j}`);
    addUnit(self);
    list.forEach((y, yi) => {
      if (yi <= xi || x.docId !== y.docId || x.orphaned || y.orphaned) return;
      if (!(Math.max(x.start, y.start) < Math.min(x.end, y.end))) return;
      const pairs = new Set<string>();
      for (const i of cx)
        for (const j of cats(y)) if (i !== j) pairs.add(`${Math.min(i, j)},${Math.max(i, j)}`);
      addUnit(pairs);
    });
  });
  return m;
}

function mulberry32(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
