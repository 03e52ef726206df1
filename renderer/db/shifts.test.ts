import { describe, expect, it } from 'vitest';
import {
  deltaAt,
  isShiftsRecord,
  shiftedSpan,
  stepOf,
  withStep,
  type ShiftsRecord,
} from './shifts';

describe('a shift step', () => {
  it('keeps one entry per run of moves by the same delta', () => {
    // Annotations at 10 and 20 stay; 30 and 40 move by +3 (an insertion at 25); 50 by −2.
    const step = stepOf(1, [
      [10, 10],
      [20, 20],
      [30, 33],
      [40, 43],
      [50, 48],
    ]);
    expect([...step.from]).toEqual([30, 50]);
    expect([...step.delta]).toEqual([3, -2]);
    expect([10, 29, 30, 45, 50, 99].map((s) => deltaAt(step, s))).toEqual([0, 0, 3, 3, -2, -2]);
  });

  it('gives two moves from one start the later delta (the earlier one is written instead)', () => {
    const step = stepOf(1, [
      [5, 5],
      [30, 31],
      [30, 34],
    ]);
    expect([...step.from]).toEqual([30]);
    expect(deltaAt(step, 30)).toBe(4);
  });

  it('is empty when nothing moved', () => {
    expect(stepOf(1, [[4, 4]]).from).toHaveLength(0);
  });
});

describe('a shifts record', () => {
  const two = withStep('d', withStep('d', undefined, [[100, 110]]), [
    [50, 50],
    [110, 105],
  ]);

  it('numbers its generations from 1 and keeps every step', () => {
    expect(two.gen).toBe(2);
    expect(two.steps.map((s) => s.gen)).toEqual([1, 2]);
  });

  it('reads a record through every step made after the generation it was stored at', () => {
    // Stored at 0: +10 (first step), then −5 (second).
    expect(shiftedSpan(two, 0, 100, 104)).toEqual([105, 109]);
    // Stored at 1 (already +10): only the second step.
    expect(shiftedSpan(two, 1, 110, 114)).toEqual([105, 109]);
    // Stored at 2, or with no record: where it is stored.
    expect(shiftedSpan(two, 2, 110, 114)).toEqual([110, 114]);
    expect(shiftedSpan(undefined, 0, 110, 114)).toEqual([110, 114]);
    // Before every move: not moved.
    expect(shiftedSpan(two, 0, 20, 30)).toEqual([20, 30]);
  });

  it('is recognised whole, and refused when damaged', () => {
    expect(isShiftsRecord(two)).toBe(true);
    const damaged: unknown[] = [
      null,
      { docId: 'd', gen: 1 },
      { ...two, epoch: undefined },
      { ...two, gen: '2' },
      { ...two, steps: [{ gen: 1, from: [1], delta: [2] }] },
      { ...two, steps: [{ gen: 1, from: Int32Array.of(1), delta: Int32Array.of() }] },
    ];
    for (const d of damaged) expect(isShiftsRecord(d), JSON.stringify(d)).toBe(false);
    const none: ShiftsRecord = { docId: 'd', epoch: 'e', gen: 3, steps: [] };
    expect(isShiftsRecord(none)).toBe(true);
  });
});
