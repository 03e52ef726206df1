import type { KeyboardEvent } from 'react';
import { FONT_SIZE, textWidth, truncate } from './chart-utils';

export interface Bar {
  key: string;
  /** Shown left of the bar, cut with an ellipsis when long. */
  label: string;
  value: number;
  /** Any CSS colour, `var(--accent)` included (resolved when saved). */
  color: string;
  /** Indentation level (subcategories: 1). */
  depth?: number;
  /** Accessible name and tooltip, e.g. "Statistic 数据: 12 annotations". */
  name: string;
}

interface Props {
  title: string;
  bars: Bar[];
  onActivate(key: string): void;
}

export const WIDTH = 640;
const PAD = 8;
const ROW = 24;
const BAR = 16;
const INDENT = 14;
const MAX_LABEL = 220;

/** Enter and Space activate an SVG "button", as they do a real one. */
export function activateOnKey(event: KeyboardEvent, run: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    run();
  }
}

/**
 * A horizontal bar chart in plain SVG: one row per bar, the count at the bar's
 * end. Rows with a count are buttons (click, Enter, Space); empty rows are not.
 */
export function BarChart({ title, bars, onActivate }: Props) {
  const labelWidth =
    Math.min(
      MAX_LABEL,
      Math.max(60, ...bars.map((b) => textWidth(b.label) + (b.depth ?? 0) * INDENT)),
    ) + 12;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const countWidth = textWidth(String(max)) + 14;
  const span = WIDTH - 2 * PAD - labelWidth - countWidth;
  const height = 2 * PAD + bars.length * ROW;
  const x0 = PAD + labelWidth;

  return (
    <svg
      className="st-svg"
      role="group"
      aria-label={title}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      fontSize={FONT_SIZE}
    >
      <title>{title}</title>
      <rect className="st-bg" x={0} y={0} width={WIDTH} height={height} />
      {bars.map((bar, i) => {
        const w = bar.value > 0 ? Math.max(2, (bar.value / max) * span) : 0;
        const indent = (bar.depth ?? 0) * INDENT;
        const interactive = bar.value > 0;
        const activate = () => onActivate(bar.key);
        return (
          <g
            key={bar.key}
            className={interactive ? 'st-hit' : undefined}
            transform={`translate(0 ${PAD + i * ROW})`}
            {...(interactive
              ? {
                  role: 'button',
                  tabIndex: 0,
                  'aria-label': bar.name,
                  onClick: activate,
                  onKeyDown: (e: KeyboardEvent) => activateOnKey(e, activate),
                }
              : { 'aria-label': bar.name })}
          >
            <title>{bar.name}</title>
            <rect
              className="st-frame st-row"
              x={1}
              y={1}
              width={WIDTH - 2}
              height={ROW - 2}
              rx={4}
            />
            <text
              className={bar.depth ? 'st-label st-sub' : 'st-label'}
              x={PAD + 4 + indent}
              y={ROW / 2}
              dominantBaseline="central"
            >
              {truncate(bar.label, labelWidth - 12 - indent)}
            </text>
            {w > 0 && (
              <rect
                className="st-bar"
                x={x0}
                y={(ROW - BAR) / 2}
                width={w}
                height={BAR}
                rx={2}
                style={{ fill: bar.color }}
              />
            )}
            <text className="st-count" x={x0 + w + 6} y={ROW / 2} dominantBaseline="central">
              {bar.value.toLocaleString()}
            </text>
          </g>
        );
      })}
      <line className="st-axis" x1={x0} x2={x0} y1={PAD} y2={height - PAD} />
    </svg>
  );
}
