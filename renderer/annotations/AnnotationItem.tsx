import type { SaveOutcome } from './DraftField';
import { useId, type MouseEvent, type Ref } from 'react';
import {
  CLAIM_STATUSES,
  type Annotation,
  type Category,
  type ClaimStatus,
} from '../../shared/types';
import { ClaimFacts } from '../claims/ClaimFacts';
import { CategoryChip } from '../codebook/CategoryChip';
import { useI18n } from '../i18n/i18n';
import { draftWriter } from '../db/drafts-instance';
import { DraftField } from './DraftField';
import { firstLine, shorten } from './shorten';
import type { AnnotationPatch } from './store';

interface Props {
  ref: Ref<HTMLLIElement>;
  /** Position in the whole list; only some rows are rendered at a time. */
  index: number;
  setSize: number;
  offset: number;
  annotation: Annotation;
  categories: readonly Category[];
  /** The selected annotation: the one row shown with its full editor. */
  active: boolean;
  onSelect(): void;
  /** Folds the selected row back to its summary. */
  onCollapse(): void;
  /** Typing in a field: consecutive edits of one field fold into one undo step. */
  onEdit(
    patch: AnnotationPatch,
    mergeKey?: string,
    expected?: AnnotationPatch,
  ): void | Promise<SaveOutcome | void>;
  onEditDone(): void;
  onToggleCategory(id: string): void;
  onDelete(): void;
}

/**
 * One row of the panel. Rows show a summary (quote, categories, status, the
 * note's first line); the selected one opens into the editor. The quote is the
 * row's button: it selects and expands the row, or folds the selected one.
 */
export function AnnotationItem(props: Props) {
  const { annotation: a, categories, active, onSelect } = props;
  const id = useId();
  const byId = new Map(categories.map((c) => [c.id, c]));
  const chips = a.categoryIds.flatMap((cid) => {
    const c = byId.get(cid);
    return c ? [c] : [];
  });

  const toggle = (e: MouseEvent) => {
    // The row's own click would select it again.
    e.stopPropagation();
    if (active) props.onCollapse();
    else onSelect();
  };

  return (
    <li
      ref={props.ref}
      data-index={props.index}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      className={active ? 'annotation active' : 'annotation compact'}
      aria-current={active}
      style={{ transform: `translateY(${props.offset}px)` }}
      // The whole summary can be clicked; keyboard users have the quote button.
      onClick={active ? undefined : onSelect}
    >
      <button
        className="quote"
        onClick={toggle}
        title={a.quote}
        aria-expanded={active}
        aria-controls={active ? `${id}-editor` : undefined}
        aria-describedby={active ? undefined : `${id}-summary`}
      >
        <span className="quote-text">{shorten(a.quote, active ? 90 : 120)}</span>
      </button>
      {active ? (
        <Editor {...props} chips={chips} id={`${id}-editor`} />
      ) : (
        <Summary annotation={a} chips={chips} id={`${id}-summary`} />
      )}
    </li>
  );
}

function Summary({
  annotation: a,
  chips,
  id,
}: {
  annotation: Annotation;
  chips: Category[];
  id: string;
}) {
  const { t } = useI18n();
  const note = firstLine(a.note);
  return (
    <div className="annotation-summary" id={id}>
      <div className="summary-row">
        {chips.length > 0 && (
          <span className="chips">
            {chips.map((c) => (
              <CategoryChip key={c.id} category={c} />
            ))}
          </span>
        )}
        <span className={`status-badge status-${a.status}`}>{t(`status_${a.status}`)}</span>
        {a.createdBy && (
          <span className="coder" title={t('codedBy', { name: a.createdBy })}>
            {a.createdBy}
          </span>
        )}
      </div>
      {note && <p className="summary-note">{note}</p>}
    </div>
  );
}

function Editor(props: Props & { chips: Category[]; id: string }) {
  const { annotation: a, categories, chips, onSelect, onEdit, onEditDone } = props;
  const { t } = useI18n();
  const unused = categories.filter((c) => !a.categoryIds.includes(c.id));
  const field = (key: 'note' | 'speaker' | 'evidence') => ({
    value: a[key],
    onChange: (value: string, stored: string) =>
      onEdit({ [key]: value }, `${key}:${a.id}`, { [key]: stored }),
    onDraft: (value: string) => void draftWriter.write(a.id, key, value),
    onStored: (value: string) => void draftWriter.settle(a.id, key, value),
    onFocus: onSelect,
    onDone: onEditDone,
    savingLabel: t('saving'),
  });

  return (
    <div className="annotation-editor" id={props.id}>
      <div className="chips">
        {chips.map((c) => (
          <CategoryChip key={c.id} category={c}>
            <button
              className="chip-remove"
              aria-label={t('removeCategory', { name: c.name })}
              onClick={() => props.onToggleCategory(c.id)}
            >
              ×
            </button>
          </CategoryChip>
        ))}
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
      <ClaimFacts annotation={a} />
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
      <Authors annotation={a} />
      <button className="link-button delete" onClick={props.onDelete}>
        {t('deleteAnnotation')}
      </button>
    </div>
  );
}

/** Who made the annotation, and who changed it last when that is someone else. */
function Authors({ annotation: a }: { annotation: Annotation }) {
  const { t } = useI18n();
  if (!a.createdBy && !a.updatedBy) return null;
  return (
    <p className="authors">
      {a.createdBy ? t('codedBy', { name: a.createdBy }) : t('codedByNobody')}
      {a.updatedBy && a.updatedBy !== a.createdBy && ` · ${t('changedBy', { name: a.updatedBy })}`}
    </p>
  );
}
