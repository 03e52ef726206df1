import { useEffect, useRef } from 'react';
import type { Category } from '../../shared/types';
import type { Span } from '../db/spans';
import { shorten } from '../annotations/shorten';
import { CategoryChip } from '../codebook/CategoryChip';

interface Props {
  title: string;
  /** With the text they cover: the reader may not hold their records yet. */
  candidates: (Span & { quote: string })[];
  categories: readonly Category[];
  x: number;
  y: number;
  onChoose(id: string): void;
  onClose(): void;
}

/** Lets the user pick one of several highlights stacked on the clicked spot. */
export function OverlapChooser({ title, candidates, categories, x, y, onChoose, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  const byId = new Map(categories.map((c) => [c.id, c]));

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="popover-backdrop" onClick={onClose}>
      <div
        className="popover"
        role="dialog"
        aria-label={title}
        style={{
          left: Math.min(x, window.innerWidth - 360),
          top: Math.min(y + 12, window.innerHeight - 240),
        }}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="popover-title">{title}</div>
        {candidates.map((a, i) => (
          <button
            key={a.id}
            ref={i === 0 ? first : undefined}
            className="choice"
            onClick={() => onChoose(a.id)}
          >
            <span className="choice-quote">{shorten(a.quote, 60)}</span>
            <span className="chips">
              {a.categoryIds.flatMap((id) => {
                const c = byId.get(id);
                return c ? [<CategoryChip key={id} category={c} />] : [];
              })}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
