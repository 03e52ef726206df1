import { useId, useMemo, useState } from 'react';
import { CLAIM_STATUSES, type ClaimStatus } from '../../shared/types';
import { CategoryFilter } from './CategoryFilter';
import { parseBound } from './figures';
import type { LinkFilter } from './links';
import type { ViewStrings } from './strings';
import { isEmptyFilter, type AnnotationFilter, type TableRow } from './table-model';
import type { TableData } from './use-table-data';

interface Props {
  filter: AnnotationFilter;
  onChange(filter: AnnotationFilter): void;
  data: TableData;
  collator: Intl.Collator;
  strings: ViewStrings;
}

/** At most this many speakers are suggested while typing one. */
const MAX_SPEAKERS = 500;

function speakerSuggestions(rows: readonly TableRow[], collator: Intl.Collator): string[] {
  const counts = new Map<string, number>();
  for (const { annotation } of rows) {
    const name = annotation.speaker.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_SPEAKERS)
    .map(([name]) => name)
    .sort(collator.compare);
}

/** At most this many units are offered, the most frequent ones. */
const MAX_UNITS = 200;

function unitChoices(rows: readonly TableRow[], collator: Intl.Collator): string[] {
  const counts = new Map<string, number>();
  for (const { figure } of rows)
    if (figure) counts.set(figure.unit, (counts.get(figure.unit) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_UNITS)
    .map(([unit]) => unit)
    .sort(collator.compare);
}

interface BoundProps {
  value: number | undefined;
  onChange(value: number | undefined): void;
  label: string;
  strings: ViewStrings;
}

/**
 * A bound of the value range as typed ("1亿", "1,000"): the filter changes once
 * the text reads as a number (or is emptied), and the text follows the filter
 * when it changes from elsewhere (Clear filters).
 */
function BoundInput({ value, onChange, label, strings: s }: BoundProps) {
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  // The value this text stands for; another one came from elsewhere.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value === undefined ? '' : String(value));
  }
  const invalid = draft.trim() !== '' && parseBound(draft) === undefined;
  return (
    <input
      type="text"
      inputMode="decimal"
      className="aa-bound"
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? s.t('badBound') : undefined}
      placeholder={s.t('boundPlaceholder')}
      value={draft}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        const next = parseBound(text);
        if (next === undefined && text.trim() !== '') return;
        setSeen(next);
        onChange(next);
      }}
    />
  );
}

/** Text, category, status, document, speaker, value and link filters above the table. */
export function FilterBar({ filter, onChange, data, collator, strings: s }: Props) {
  const id = useId();
  const set = (patch: Partial<AnnotationFilter>) => onChange({ ...filter, ...patch });
  const speakers = useMemo(() => speakerSuggestions(data.rows, collator), [data.rows, collator]);
  const documents = useMemo(() => {
    const used = new Set(data.rows.map((r) => r.annotation.docId));
    return data.documents
      .filter((d) => used.has(d.id))
      .sort((a, b) => collator.compare(a.title, b.title));
    // Not on `data` itself: it changes with every step of a read, the rows less often.
  }, [data.rows, data.documents, collator]);
  const units = useMemo(() => unitChoices(data.rows, collator), [data.rows, collator]);
  const statuses = filter.statuses ?? [];
  const docIds = filter.docIds ?? [];
  const toggleStatus = (status: ClaimStatus) =>
    set({
      statuses: statuses.includes(status)
        ? statuses.filter((x) => x !== status)
        : CLAIM_STATUSES.filter((x) => x === status || statuses.includes(x)),
    });

  return (
    <div className="aa-filters" role="search" aria-label={s.t('filters')}>
      <input
        type="search"
        className="aa-search"
        aria-label={s.t('searchLabel')}
        placeholder={s.t('search')}
        value={filter.text ?? ''}
        onChange={(e) => set({ text: e.target.value })}
      />
      <CategoryFilter
        categories={data.categories}
        selected={filter.categoryIds ?? []}
        match={filter.categoryMatch ?? 'any'}
        onChange={(categoryIds, categoryMatch) =>
          set({ categoryIds, categoryMatch: categoryMatch === 'any' ? undefined : categoryMatch })
        }
        strings={s}
      />
      <fieldset className="aa-statuses">
        <legend className="visually-hidden">{s.t('status')}</legend>
        {CLAIM_STATUSES.map((status) => (
          <label
            key={status}
            className={`aa-toggle aa-status-${status}${statuses.includes(status) ? ' aa-on' : ''}`}
          >
            <input
              type="checkbox"
              checked={statuses.includes(status)}
              onChange={() => toggleStatus(status)}
            />
            {s.status(status)}
          </label>
        ))}
      </fieldset>
      <label className="aa-field">
        <span className="aa-filter-name">{s.t('document')}</span>
        <select
          value={docIds.length === 1 ? docIds[0] : docIds.length > 1 ? '*' : ''}
          onChange={(e) => set({ docIds: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{s.t('allDocuments')}</option>
          {docIds.length > 1 && (
            <option value="*" disabled>
              {s.t('documentsChosen', { n: docIds.length })}
            </option>
          )}
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <label className="aa-field">
        <span className="aa-filter-name">{s.t('speaker')}</span>
        <input
          type="text"
          list={`${id}-speakers`}
          placeholder={s.t('speakerPlaceholder')}
          value={filter.speaker ?? ''}
          onChange={(e) => set({ speaker: e.target.value })}
        />
        <datalist id={`${id}-speakers`}>
          {speakers.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <fieldset className="aa-value-filter">
        <legend className="visually-hidden">{s.t('value')}</legend>
        <label className="aa-field">
          <span className="aa-filter-name">{s.t('value')}</span>
          <select
            value={filter.hasFigure ? 'figure' : ''}
            onChange={(e) => set({ hasFigure: e.target.value === 'figure' || undefined })}
          >
            <option value="">{s.t('anyValue')}</option>
            <option value="figure">{s.t('withFigure')}</option>
          </select>
        </label>
        <span className="aa-filter-name">{s.t('valueMin')}</span>
        <BoundInput
          value={filter.valueMin}
          onChange={(valueMin) => set({ valueMin })}
          label={s.t('valueMinLabel')}
          strings={s}
        />
        <span className="aa-filter-name">{s.t('valueMax')}</span>
        <BoundInput
          value={filter.valueMax}
          onChange={(valueMax) => set({ valueMax })}
          label={s.t('valueMaxLabel')}
          strings={s}
        />
        <select
          aria-label={s.t('unit')}
          value={filter.unit === undefined ? '' : `=${filter.unit}`}
          onChange={(e) => set({ unit: e.target.value ? e.target.value.slice(1) : undefined })}
        >
          <option value="">{s.t('anyUnit')}</option>
          {filter.unit !== undefined && !units.includes(filter.unit) && (
            <option value={`=${filter.unit}`}>{filter.unit || s.t('noUnit')}</option>
          )}
          {units.map((unit) => (
            <option key={unit} value={`=${unit}`}>
              {unit || s.t('noUnit')}
            </option>
          ))}
        </select>
      </fieldset>
      <label className="aa-field">
        <span className="aa-filter-name">{s.t('links')}</span>
        <select
          value={filter.links ?? ''}
          onChange={(e) => set({ links: (e.target.value || undefined) as LinkFilter | undefined })}
        >
          <option value="">{s.t('linksAll')}</option>
          <option value="repeated">{s.t('linksRepeated')}</option>
          <option value="conflicting">{s.t('linksConflicting')}</option>
        </select>
      </label>
      {filter.section !== undefined && (
        <span className="aa-section-chip">
          {s.t('section', { name: filter.section || s.t('noSection') })}
          <button
            type="button"
            className="aa-chip-remove"
            aria-label={s.t('removeSection')}
            title={s.t('removeSection')}
            onClick={() => {
              const { section: _section, ...rest } = filter;
              onChange(rest);
            }}
          >
            ×
          </button>
        </span>
      )}
      {!isEmptyFilter(filter) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          {s.t('clear')}
        </button>
      )}
    </div>
  );
}
