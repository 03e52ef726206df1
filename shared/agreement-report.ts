/**
 * The Agreement view's figures: for chosen coders, over the documents every
 * one of them coded, per category and overall, Krippendorff's α_u, Cohen's κ
 * character by character and percent agreement; and the disagreements, pair
 * by pair. Positions are counted in code points (shared/agreement.ts).
 */
import {
  alphaOf,
  characterKappa,
  endToEnd,
  percentAgreement,
  unitizingDisagreement,
  type Unit,
  type UnitizingDisagreement,
} from './agreement';

export interface ReportAnnotation {
  id: string;
  docId: string;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  quote: string;
  categoryIds: readonly string[];
  createdBy?: string;
  orphaned?: boolean;
}

export interface ReportDocument {
  id: string;
  title: string;
  text: string;
}

/** Why a figure is undefined, for the tooltip. */
export type Undefined = 'nobody-marked' | 'chance-certain' | 'no-documents' | 'one-coder';

export interface Figure {
  value: number;
  /** Set when value is NaN. */
  why?: Undefined;
}

export interface CategoryAgreement {
  categoryId: string | null; // null: overall
  alpha: Figure;
  /** Mean of the pairwise κ (Light's κ) for more than two coders. */
  kappa: Figure;
  /** Mean of the pairwise shares. */
  percent: Figure;
}

export type DisagreementKind = 'only-a' | 'only-b' | 'extent' | 'category';

export interface Disagreement {
  kind: DisagreementKind;
  docId: string;
  coderA: string;
  coderB: string;
  a: ReportAnnotation | null;
  b: ReportAnnotation | null;
}

export interface AgreementReport {
  coders: string[];
  /** The documents every chosen coder has at least one placed annotation in. */
  documents: ReportDocument[];
  rows: CategoryAgreement[];
  overall: CategoryAgreement;
  disagreements: Disagreement[];
}

export const coderOf = (a: Pick<ReportAnnotation, 'createdBy'>): string => a.createdBy ?? '';

/** The coders named on placed annotations, sorted. */
export function codersIn(annotations: readonly ReportAnnotation[]): string[] {
  return [...new Set(annotations.filter((a) => !a.orphaned).map(coderOf))].sort();
}

/** UTF-16 offset → code point offset in one text (identity when it has no astral characters). */
function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === text.length) cp++;
    else {
      map[++i] = cp;
      cp++;
    }
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

const figure = (value: number, why: Undefined): Figure =>
  Number.isNaN(value) ? { value, why } : { value };

function mean(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}

function pairs<T>(list: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) out.push([list[i]!, list[j]!]);
  return out;
}

const overlaps = (x: ReportAnnotation, y: ReportAnnotation) => x.start < y.end && y.start < x.end;
const shares = (x: ReportAnnotation, y: ReportAnnotation) =>
  x.categoryIds.some((c) => y.categoryIds.includes(c));

/** Where coders A and B differ in one document, A's annotations first, in text order. */
function differences(
  docId: string,
  coderA: string,
  coderB: string,
  as: readonly ReportAnnotation[],
  bs: readonly ReportAnnotation[],
): Disagreement[] {
  const out: Disagreement[] = [];
  const base = { docId, coderA, coderB };
  for (const a of as) {
    const over = bs.filter((b) => overlaps(a, b));
    if (over.length === 0) {
      out.push({ ...base, kind: 'only-a', a, b: null });
      continue;
    }
    const same = over.filter((b) => shares(a, b));
    if (same.some((b) => b.start === a.start && b.end === a.end)) continue;
    if (same.length) out.push({ ...base, kind: 'extent', a, b: same[0]! });
    else out.push({ ...base, kind: 'category', a, b: over[0]! });
  }
  for (const b of bs)
    if (!as.some((a) => overlaps(a, b))) out.push({ ...base, kind: 'only-b', a: null, b });
  return out.sort((x, y) => (x.a ?? x.b)!.start - (y.a ?? y.b)!.start);
}

/**
 * The report for `coders` (two or more). α_u of a category lays the common
 * documents end to end as one continuum; overall α_u pools the categories'
 * disagreements (Krippendorff 2004). κ and percent agreement treat every
 * character of every common document, once per category, as one item marked
 * or not by each coder (overall: all categories' items together); with more
 * than two coders they are the mean over all pairs.
 */
export function agreementReport(
  coders: readonly string[],
  documents: readonly ReportDocument[],
  annotations: readonly ReportAnnotation[],
  categoryIds: readonly string[],
): AgreementReport {
  const chosen = [...new Set(coders)];
  const placed = annotations.filter((a) => !a.orphaned && chosen.includes(coderOf(a)));
  const byDoc = new Map<string, ReportAnnotation[]>();
  for (const a of placed) byDoc.set(a.docId, [...(byDoc.get(a.docId) ?? []), a]);
  const common = documents.filter((d) => {
    const list = byDoc.get(d.id) ?? [];
    return chosen.every((c) => list.some((a) => coderOf(a) === c));
  });
  const why: Undefined | null =
    chosen.length < 2 ? 'one-coder' : common.length === 0 ? 'no-documents' : null;

  // One continuum per category: the common documents end to end, in code points.
  const continuum = (categoryId: string) =>
    endToEnd(
      common.map((d) => {
        const cp = codePointOffsets(d.text);
        return {
          length: cp(d.text.length),
          units: (byDoc.get(d.id) ?? [])
            .filter((a) => a.categoryIds.includes(categoryId))
            .map((a): Unit => ({ coder: coderOf(a), start: cp(a.start), end: cp(a.end) })),
        };
      }),
    );
  const continua = new Map(categoryIds.map((id) => [id, continuum(id)]));
  const ofCoder = (units: readonly Unit[], c: string) => units.filter((u) => u.coder === c);

  const rows: CategoryAgreement[] = [];
  const parts: UnitizingDisagreement[] = [];
  for (const id of categoryIds) {
    const { length, units } = continua.get(id)!;
    if (why) {
      rows.push({
        categoryId: id,
        alpha: { value: NaN, why },
        kappa: { value: NaN, why },
        percent: { value: NaN, why },
      });
      continue;
    }
    const d = unitizingDisagreement(length, units, chosen);
    if (units.length) parts.push(d);
    const kappas = pairs(chosen).map(([a, b]) =>
      characterKappa(length, ofCoder(units, a), ofCoder(units, b)),
    );
    const shares = pairs(chosen).map(([a, b]) =>
      percentAgreement(length, ofCoder(units, a), ofCoder(units, b)),
    );
    rows.push({
      categoryId: id,
      alpha: figure(alphaOf([d]), 'nobody-marked'),
      kappa: figure(kappas.some(Number.isNaN) ? NaN : mean(kappas), 'chance-certain'),
      percent: figure(mean(shares), 'nobody-marked'),
    });
  }

  let overall: CategoryAgreement;
  if (why)
    overall = {
      categoryId: null,
      alpha: { value: NaN, why },
      kappa: { value: NaN, why },
      percent: { value: NaN, why },
    };
  else {
    // Every category's continuum one after another: each (character, category) is an item.
    const all = endToEnd(categoryIds.map((id) => continua.get(id)!));
    const kappas = pairs(chosen).map(([a, b]) =>
      characterKappa(all.length, ofCoder(all.units, a), ofCoder(all.units, b)),
    );
    const shares = pairs(chosen).map(([a, b]) =>
      percentAgreement(all.length, ofCoder(all.units, a), ofCoder(all.units, b)),
    );
    overall = {
      categoryId: null,
      alpha: figure(alphaOf(parts), 'nobody-marked'),
      kappa: figure(kappas.some(Number.isNaN) ? NaN : mean(kappas), 'chance-certain'),
      percent: figure(mean(shares), 'nobody-marked'),
    };
  }

  const disagreements = common.flatMap((d) => {
    const list = byDoc.get(d.id) ?? [];
    return pairs(chosen).flatMap(([a, b]) =>
      differences(
        d.id,
        a,
        b,
        list.filter((x) => coderOf(x) === a),
        list.filter((x) => coderOf(x) === b),
      ),
    );
  });
  return { coders: chosen, documents: common, rows, overall, disagreements };
}
