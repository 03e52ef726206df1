import { useRef, useState, type KeyboardEvent } from 'react';
import { activateOnKey } from './BarChart';
import { cellShade, FONT_SIZE, textOn, textWidth, truncate } from './chart-utils';

interface Props {
  title: string;
  labels: string[];
  /** Symmetric, labels.length square; the diagonal holds totals. */
  matrix: number[][];
  /** Accessible name and tooltip of cell (row, column). */
  cellName(row: number, column: number, value: number): string;
  onActivate(row: number, column: number): void;
}

const PAD = 8;
const CELL = 38;
const MAX_LABEL = 160;
const SLANT = Math.SQRT1_2; // column labels at 45°

/**
 * A category × category heat map. Off-diagonal cells are shaded on one ramp
 * scaled to the largest off-diagonal count; diagonal cells (totals, much
 * larger) are drawn plain with a bold count so they do not flatten the ramp.
 * Text is black or white by the cell's luminance. One tab stop: arrow keys,
 * Home and End move between cells (roving tabindex), Enter/Space open one.
 */
export function HeatMap({ title, labels, matrix, cellName, onActivate }: Props) {
  const n = labels.length;
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const cells = useRef(new Map<string, SVGGElement>());

  const widths = labels.map((l) => Math.min(MAX_LABEL, textWidth(l)));
  const labelWidth = Math.max(40, ...widths) + 12;
  const top = Math.max(40, ...widths) * SLANT + 16;
  const left = PAD + labelWidth;
  const width = Math.ceil(left + n * CELL + (widths.at(-1) ?? 0) * SLANT + PAD + 8);
  const height = Math.ceil(top + n * CELL + PAD);
  let maxOff = 0;
  matrix.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i !== j && v > maxOff) maxOff = v;
    }),
  );
  const [fr, fc] = focus[0] < n && focus[1] < n ? focus : [0, 0];

  const move = (event: KeyboardEvent, r: number, c: number, value: number) => {
    const last = n - 1;
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(last, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(last, c + 1)],
      Home: [r, 0],
      End: [r, last],
    };
    const to = next[event.key];
    if (!to) return activateOnKey(event, () => value > 0 && onActivate(r, c));
    event.preventDefault();
    setFocus(to);
    cells.current.get(`${to[0]},${to[1]}`)?.focus();
  };

  return (
    <svg
      className="st-svg st-svg-wide"
      role="group"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      fontSize={FONT_SIZE}
    >
      <title>{title}</title>
      <rect className="st-bg" x={0} y={0} width={width} height={height} />
      {labels.map((label, i) => (
        <g key={`l${i}`}>
          <text
            className="st-label"
            x={left - 8}
            y={top + i * CELL + CELL / 2}
            textAnchor="end"
            dominantBaseline="central"
          >
            <title>{label}</title>
            {truncate(label, labelWidth - 12)}
          </text>
          <text
            className="st-label"
            transform={`translate(${left + i * CELL + CELL / 2} ${top - 8}) rotate(-45)`}
            dominantBaseline="central"
          >
            <title>{label}</title>
            {truncate(label, MAX_LABEL)}
          </text>
        </g>
      ))}
      {matrix.map((row, r) =>
        row.map((value, c) => {
          const diagonal = r === c;
          const shade = diagonal ? null : cellShade(value, maxOff);
          const name = cellName(r, c, value);
          const ref = (el: SVGGElement | null) => {
            if (el) cells.current.set(`${r},${c}`, el);
            else cells.current.delete(`${r},${c}`);
          };
          return (
            <g
              key={`${r},${c}`}
              ref={ref}
              className="st-hit"
              role="button"
              tabIndex={r === fr && c === fc ? 0 : -1}
              aria-label={name}
              aria-disabled={value === 0 || undefined}
              transform={`translate(${left + c * CELL} ${top + r * CELL})`}
              onFocus={() => setFocus([r, c])}
              onClick={() => value > 0 && onActivate(r, c)}
              onKeyDown={(e) => move(e, r, c, value)}
            >
              <title>{name}</title>
              <rect
                className={`st-frame ${diagonal ? 'st-cell-diag' : shade ? 'st-cell' : 'st-cell-zero'}`}
                x={1}
                y={1}
                width={CELL - 2}
                height={CELL - 2}
                rx={3}
                style={shade ? { fill: shade } : undefined}
              />
              <rect className="st-ring" x={4} y={4} width={CELL - 8} height={CELL - 8} rx={2} />
              <text
                className={diagonal ? 'st-cell-text st-diag-text' : 'st-cell-text'}
                x={CELL / 2}
                y={CELL / 2}
                textAnchor="middle"
                dominantBaseline="central"
                style={shade ? { fill: textOn(shade) } : undefined}
              >
                {value > 9999 ? `${Math.round(value / 1000)}k` : value}
              </text>
            </g>
          );
        }),
      )}
    </svg>
  );
}
