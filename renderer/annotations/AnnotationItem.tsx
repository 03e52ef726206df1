import type { Ref } from 'react';
import {
  CLAIM_STATUSES,
  type Annotation,
  type Category,
  type ClaimStatus,
} from '../../shared/types';
import { CategoryChip } from '../codebook/CategoryChip';
import { useI18n } from '../i18n/i18n';
import { DraftField } from './DraftField';
import { shorten } from './shorten';
import type { AnnotationPatch } from './store';

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
  /** Typing in a field: consecutive edits of one field fold into one undo step. */
  onEdit(patch: AnnotationPatch, mergeKey?: string): void;
  onEditDone(): void;
  onToggleCategory(id: string): void;
  onDelete(): void;
}

export function AnnotationItem(props: Props) {
  const { annotation: a, categories, active, onSelect, onEdit, onEditDone } = props;
  const { t } = useI18n();
  const byId = new Map(categories.map((c) => [c.id, c]));
  const unused = categories.filter((c) => !a.categoryIds.includes(c.id));
  const field = (key: 'note' | 'speaker' | 'evidence') => ({
    value: a[key],
    onChange: (value: string) => onEdit({ [key]: value }, `${key}:${a.id}`),
    onFocus: onSelect,
    onDone: onEditDone,
  });

  return (
    <li
      ref={props.ref}
      data-index={props.index}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      className={active ? 'annotation active' : 'annotation'}
      aria-current={active}
      style={{ transform: `translateY(${props.offset}px)` }}
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
                onClick={() => props.onToggleCategory(id)}
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
            onChange={(e) => e.target.value && props.onToggleCategory(e.target.value)}
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
      <div className="claim-row">
        <select
          className={`status status-${a.status}`}
          aria-label={t('status')}
          value={a.status}
          onChange={(e) => onEdit({ status: e.target.value as ClaimStatus })}
        >
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
        <DraftField
          label={t('speaker')}
          placeholder={t('speaker')}
          className="speaker"
          list="claimmark-speakers"
          {...field('speaker')}
        />
      </div>
      <DraftField
        label={t('note')}
        placeholder={t('notePlaceholder')}
        className="note"
        multiline
        {...field('note')}
      />
      <DraftField
        label={t('evidence')}
        placeholder={t('evidencePlaceholder')}
        className="note evidence"
        multiline
        {...field('evidence')}
      />
      <button className="link-button delete" onClick={props.onDelete}>
        {t('deleteAnnotation')}
      </button>
    </li>
  );
}
