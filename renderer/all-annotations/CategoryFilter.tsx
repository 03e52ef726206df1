import { useEffect, useMemo, useRef, useState } from 'react';
import type { Category } from '../../shared/types';
import type { CategoryMatch } from './category-match';
import type { ViewStrings } from './strings';

interface Props {
  categories: readonly Category[];
  selected: readonly string[];
  match: CategoryMatch;
  onChange(ids: string[], match: CategoryMatch): void;
  strings: ViewStrings;
}

/** Top-level categories in codebook order, each followed by its subcategories. */
export function categoryTree(
  categories: readonly Category[],
): { category: Category; depth: number }[] {
  const sorted = [...categories].sort((a, b) => a.order - b.order);
  const ids = new Set(sorted.map((c) => c.id));
  const out: { category: Category; depth: number }[] = [];
  const add = (c: Category, depth: number) => {
    out.push({ category: c, depth });
    if (depth < 4) for (const child of sorted) if (child.parentId === c.id) add(child, depth + 1);
  };
  for (const c of sorted) if (c.parentId === null || !ids.has(c.parentId)) add(c, 0);
  return out;
}

/** A drop-down checklist of the codebook; a category chosen covers its subcategories. */
export function CategoryFilter({ categories, selected, match, onChange, strings: s }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const tree = useMemo(() => categoryTree(categories), [categories]);
  const chosen = new Set(selected);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const names = categories.filter((c) => chosen.has(c.id)).map((c) => c.name);
  const joined = names.join(match === 'together' ? ' + ' : ', ');
  const list =
    names.length <= 2 || match === 'together'
      ? joined
      : s.t('categoriesChosen', { n: names.length });
  const label =
    names.length === 0
      ? s.t('allCategories')
      : match === 'any'
        ? list
        : `${list} (${s.t(match === 'exact' ? 'matchExactShort' : 'matchTogetherShort')})`;

  const toggle = (id: string) =>
    onChange(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id], match);

  return (
    <div
      className="aa-dropdown"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={button}
        className={names.length > 0 ? 'aa-dropdown-button aa-on' : 'aa-dropdown-button'}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="aa-filter-name">{s.t('categories')}:</span> {label}
      </button>
      {open && (
        <div className="aa-dropdown-panel" role="group" aria-label={s.t('categories')}>
          <label className="aa-match">
            <span className="aa-filter-name">{s.t('match')}</span>
            <select
              value={match}
              onChange={(e) => onChange([...selected], e.target.value as CategoryMatch)}
            >
              <option value="any">{s.t('matchAny')}</option>
              <option value="exact">{s.t('matchExact')}</option>
              <option value="together">{s.t('matchTogether')}</option>
            </select>
          </label>
          {tree.length === 0 && <p className="aa-muted">—</p>}
          {tree.map(({ category: c, depth }) => (
            <label key={c.id} className="aa-check" style={{ paddingInlineStart: 8 + depth * 18 }}>
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
              <span
                className="aa-dot"
                style={{ ['--chip' as string]: c.color }}
                aria-hidden="true"
              />
              <span title={c.description || undefined}>{c.name}</span>
            </label>
          ))}
          {selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => onChange([], 'any')}>
              {s.t('allCategories')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
