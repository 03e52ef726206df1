import { useEffect, useRef, useState, type Ref } from 'react';
import type { Annotation, Category } from '../../shared/types';
import { CategoryChip } from '../codebook/CategoryChip';
import { useI18n } from '../i18n/i18n';
import { shorten } from './shorten';

interface Props {
  ref: Ref<HTMLLIElement>;
  /** Position in the whole list; only some rows are rendered at a time. */
  index: number;
  setSize: number;
  offset: number;
  annotation: Annotation;
  categories: readonly Category[];
  active: boolean;
  onSelect(): void;
  onNote(note: string): void;
  onNoteDone(): void;
  onToggleCategory(id: string): void;
  onDelete(): void;
}

export function AnnotationItem(props: Props) {
  const {
    annotation: a,
    categories,
    active,
    onSelect,
    onNote,
    onNoteDone,
    onToggleCategory,
    onDelete,
  } = props;
  const { ref, index, setSize, offset } = props;
  const { t } = useI18n();
  const [note, setNote] = useState(a.note);
  const editing = useRef(false);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const unused = categories.filter((c) => !a.categoryIds.includes(c.id));

  // Follow outside changes (undo) but never overwrite what the user is typing.
  useEffect(() => {
    if (!editing.current) setNote(a.note);
  }, [a.note]);

  return (
    <li
      ref={ref}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={active ? 'annotation active' : 'annotation'}
      aria-current={active}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <button className="quote" onClick={onSelect} title={a.quote}>
        {shorten(a.quote)}
      </button>
      <div className="chips">
        {a.categoryIds.flatMap((id) => {
          const c = byId.get(id);
          if (!c) return [];
          return [
            <CategoryChip key={id} category={c}>
              <button
                className="chip-remove"
                aria-label={t('removeCategory', { name: c.name })}
                onClick={() => onToggleCategory(id)}
              >
                ×
              </button>
            </CategoryChip>,
          ];
        })}
        {unused.length > 0 && (
          <select
            className="chip-add"
            aria-label={t('addCategory')}
            value=""
            onChange={(e) => e.target.value && onToggleCategory(e.target.value)}
          >
            <option value="">+ {t('addCategory')}</option>
            {unused.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <textarea
        className="note"
        aria-label={t('note')}
        placeholder={t('notePlaceholder')}
        value={note}
        rows={note ? Math.min(6, note.split('\n').length + 1) : 1}
        onFocus={() => {
          editing.current = true;
          onSelect();
        }}
        onBlur={() => {
          editing.current = false;
          onNoteDone();
        }}
        onChange={(e) => {
          setNote(e.target.value);
          onNote(e.target.value);
        }}
      />
      <button className="link-button delete" onClick={onDelete}>
        {t('deleteAnnotation')}
      </button>
    </li>
  );
}
