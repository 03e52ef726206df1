/**
 * The figure a row shows in its Value column: the first quantity of the quote
 * (a range, 3至5万人, as one figure from its first end), read once per
 * annotation and kept while its quote stays the same.
 */
import { findQuantities, type Quantity } from '../../shared/claims/quantity';
import type { Annotation } from '../../shared/types';

export interface Figure {
  /** As written in the quote: "1.35亿千瓦", "3至5万人". */
  text: string;
  /** What sorting and the range filter use: 135000000 (a range's first end). */
  value: number;
  /** As written, magnitude words removed: "千瓦", "%", "" when none. */
  unit: string;
  /** The normalised reading: "135,000,000 千瓦", "30,000–50,000 人". */
  reading: string;
}

// One formatter for every figure: toLocaleString with options makes a new one
// per call, which was most of the time of building 100,000 rows.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 12 });
const number = (value: number) => numberFormat.format(value);

/** The first figure of a quote, given its quantities; null when it has none. */
export function figureOf(quote: string, quantities: readonly Quantity[]): Figure | null {
  const first = quantities[0];
  if (!first) return null;
  const to = first.range === 'from' ? quantities[1] : undefined;
  const range = to?.range === 'to' ? to : undefined;
  const unit = range?.unit ?? first.unit;
  const amount = range ? `${number(first.value)}–${number(range.value)}` : number(first.value);
  return {
    text: range ? quote.slice(first.start, range.end) : first.text,
    value: first.value,
    unit,
    reading: unit ? `${amount} ${unit}` : amount,
  };
}

type Claim = Pick<Annotation, 'id' | 'quote' | 'quantities'>;

interface Entry {
  quote: string;
  quantities: Annotation['quantities'];
  figure: Figure | null;
}

/**
 * Figures by annotation id, computed only for annotations new or changed since
 * the last build (reading a quote's quantities is the expensive part when an
 * annotation was stored without them). Each build forgets the annotations it
 * did not see.
 */
export class FigureCache {
  private entries = new Map<string, Entry>();
  private next: Map<string, Entry> | null = null;

  /** Starts a build: figures asked for until `end` are the ones kept. */
  begin(): void {
    this.next = new Map();
  }

  figure(a: Claim): Figure | null {
    const known = this.entries.get(a.id) ?? this.next?.get(a.id);
    const entry =
      known && known.quote === a.quote && known.quantities === a.quantities
        ? known
        : {
            quote: a.quote,
            quantities: a.quantities,
            figure: figureOf(a.quote, a.quantities ?? findQuantities(a.quote)),
          };
    this.next?.set(a.id, entry);
    return entry.figure;
  }

  end(): void {
    if (this.next) this.entries = this.next;
    this.next = null;
  }
}

/**
 * A bound typed in the value filter: a plain number ("1000", "1,000", "2.5")
 * or one figure as a Chinese or English amount ("1亿", "3.2万", "2 million").
 * Undefined when empty or not a number.
 */
export function parseBound(input: string): number | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const plain = Number(text.replace(/,/g, ''));
  if (Number.isFinite(plain)) return plain;
  const found = findQuantities(text);
  return found.length === 1 && found[0] ? found[0].value : undefined;
}
