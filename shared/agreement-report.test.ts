import { describe, expect, it } from 'vitest';
import { alphaOf, unitizingAlpha, unitizingDisagreement } from './agreement';
import { agreementReport, codersIn, type ReportAnnotation } from './agreement-report';

let n = 0;
const mark = (
  createdBy: string,
  docId: string,
  start: number,
  end: number,
  ...categoryIds: string[]
): ReportAnnotation => ({
  id: `a${n++}`,
  docId,
  start,
  end,
  quote: '',
  categoryIds,
  createdBy,
});
const doc = (id: string, text: string) => ({ id, title: id, text });

describe('agreementReport', () => {
  const d1 = doc('d1', '0123456789');
  const solo = doc('solo', 'only Li read this');
  const marks = [
    mark('Li', 'd1', 0, 4, 'c1'),
    mark('Wang', 'd1', 2, 6, 'c1'),
    mark('Li', 'd1', 7, 9, 'c2'),
    mark('Wang', 'd1', 7, 9, 'c2'),
    mark('Li', 'solo', 0, 4, 'c1'),
  ];
  const r = agreementReport(['Li', 'Wang'], [d1, solo], marks, ['c1', 'c2', 'c3']);

  it('counts only the documents every chosen coder coded', () => {
    expect(r.documents.map((d) => d.id)).toEqual(['d1']);
    expect(codersIn(marks)).toEqual(['Li', 'Wang']);
  });

  it('gives α_u, κ and percent agreement per category', () => {
    const [c1, c2, c3] = r.rows;
    expect(c1!.alpha.value).toBeCloseTo(
      unitizingAlpha(10, [
        { coder: 'Li', start: 0, end: 4 },
        { coder: 'Wang', start: 2, end: 6 },
      ]),
      12,
    );
    // both 2, Li only 2, Wang only 2, neither 4 of 10.
    expect(c1!.kappa.value).toBeCloseTo(1 / 6, 12);
    expect(c1!.percent.value).toBeCloseTo(0.6, 12);
    expect(c2).toMatchObject({ alpha: { value: 1 }, kappa: { value: 1 }, percent: { value: 1 } });
    // Nobody used c3: undefined, with the reason.
    expect(c3!.alpha).toEqual({ value: NaN, why: 'nobody-marked' });
    expect(c3!.kappa).toEqual({ value: NaN, why: 'chance-certain' });
  });

  it('pools categories overall: α_u from pooled disagreements, κ over (character, category) items', () => {
    const parts = [
      unitizingDisagreement(10, [
        { coder: 'Li', start: 0, end: 4 },
        { coder: 'Wang', start: 2, end: 6 },
      ]),
      unitizingDisagreement(10, [
        { coder: 'Li', start: 7, end: 9 },
        { coder: 'Wang', start: 7, end: 9 },
      ]),
    ];
    expect(r.overall.alpha.value).toBeCloseTo(alphaOf(parts), 12);
    // 30 items: both 4, one only 2 + 2, neither 22: p_o 26/30, p_e 0.68 → κ 0.5833.
    expect(r.overall.kappa.value).toBeCloseTo((26 / 30 - 0.68) / 0.32, 12);
    expect(r.overall.percent.value).toBeCloseTo(26 / 30, 12);
  });

  it('lists the extent disagreement, and none where they agree', () => {
    expect(r.disagreements).toHaveLength(1);
    expect(r.disagreements[0]).toMatchObject({ kind: 'extent', coderA: 'Li', coderB: 'Wang' });
  });

  it('is undefined for one coder, or no document in common', () => {
    const one = agreementReport(['Li'], [d1], marks, ['c1']);
    expect(one.overall.alpha).toEqual({ value: NaN, why: 'one-coder' });
    const none = agreementReport(['Li', 'Zhao'], [d1], marks, ['c1']);
    expect(none.rows[0]!.kappa).toEqual({ value: NaN, why: 'no-documents' });
  });

  it('tells the kinds of disagreement apart', () => {
    const d = doc('d', 'x'.repeat(100));
    const rep = agreementReport(
      ['A', 'B'],
      [d],
      [
        mark('A', 'd', 0, 10, 'c1'), // B did not
        mark('A', 'd', 20, 30, 'c1'),
        mark('B', 'd', 22, 30, 'c1'), // extent
        mark('A', 'd', 40, 50, 'c1'),
        mark('B', 'd', 40, 50, 'c2'), // category
        mark('B', 'd', 60, 70, 'c2'), // A did not
        mark('A', 'd', 80, 90, 'c1', 'c2'),
        mark('B', 'd', 80, 90, 'c2'), // agree on c2
      ],
      ['c1', 'c2'],
    );
    expect(rep.disagreements.map((x) => x.kind)).toEqual([
      'only-a',
      'extent',
      'category',
      'only-b',
    ]);
  });

  it('counts positions in code points, and averages κ over pairs for three coders', () => {
    const astral = doc('z', '𠀀𠀀ab'); // 4 code points, 6 UTF-16 units
    const rep = agreementReport(
      ['A', 'B'],
      [astral],
      [mark('A', 'z', 0, 2, 'c'), mark('B', 'z', 4, 6, 'c')],
      ['c'],
    );
    // A marks 1 character, B 2 others: 1 of 4 alike (in UTF-16 it would be 2 of 6).
    expect(rep.rows[0]!.percent.value).toBeCloseTo(0.25, 12);

    const three = agreementReport(
      ['A', 'B', 'C'],
      [d1],
      [mark('A', 'd1', 0, 4, 'c'), mark('B', 'd1', 0, 4, 'c'), mark('C', 'd1', 2, 6, 'c')],
      ['c'],
    );
    // Pairs: A–B 1, A–C 1/6, B–C 1/6.
    expect(three.rows[0]!.kappa.value).toBeCloseTo((1 + 1 / 6 + 1 / 6) / 3, 12);
  });
});
