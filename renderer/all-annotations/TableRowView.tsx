import { memo } from 'react';
import type { LinkSummary } from './links';
import type { ViewStrings } from './strings';
import type { TableRow } from './table-model';

interface Props {
  row: TableRow;
  index: number;
  /** Offset from the top of the table body, in pixels. */
  top: number;
  /** The one row in Tab order. */
  focusable: boolean;
  /** Undefined while the document's sections are not known yet. */
  section: string | undefined;
  sectionPending: boolean;
  /** Undefined while the row's claim is not linked yet. */
  links: LinkSummary | undefined;
  linksPending: boolean;
  titles: ReadonlyMap<string, string>;
  strings: ViewStrings;
  onFocus(index: number): void;
  onOpen(index: number): void;
}

/** One line of text, cut with an ellipsis; the whole text is in the tooltip. */
function TextCell({ text, className = '' }: { text: string; className?: string }) {
  return (
    <div className={`aa-cell ${className}`} role="cell" title={text || undefined}>
      {text}
    </div>
  );
}

function ValueCell({ row }: { row: TableRow }) {
  const f = row.figure;
  if (!f) return <div className="aa-cell" role="cell" />;
  const plain = f.reading.replace(/[\s,]/g, '') === f.text.replace(/[\s,]/g, '');
  return (
    <div className="aa-cell aa-value" role="cell" title={`${f.text} = ${f.reading}`}>
      {f.text}
      {!plain && <span className="aa-muted aa-reading"> {f.reading}</span>}
    </div>
  );
}

function LinksCell(props: Pick<Props, 'links' | 'linksPending' | 'titles' | 'strings'>) {
  const { links, linksPending, titles, strings: s } = props;
  if (!links) {
    return (
      <div className="aa-cell aa-muted" role="cell">
        {linksPending ? '…' : ''}
      </div>
    );
  }
  const names = (ids: readonly string[]) => ids.map((id) => titles.get(id) ?? id).join('、');
  const repeated = links.repeatedIn.length;
  const conflicts = links.conflictsWith.length;
  const tooltip = [
    repeated ? s.t('repeatedTitles', { titles: names(links.repeatedIn) }) : '',
    conflicts ? s.t('conflictTitles', { titles: names(links.conflictsWith) }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <div className="aa-cell aa-links" role="cell" title={tooltip || undefined}>
      {repeated > 0 && (
        <span className="aa-repeated">
          {repeated === 1 ? s.t('repeatedInOne') : s.t('repeatedIn', { n: repeated })}
        </span>
      )}
      {repeated > 0 && conflicts > 0 && ' · '}
      {conflicts > 0 && (
        <span className="aa-conflicts">{s.t('conflictsIn', { n: conflicts })}</span>
      )}
    </div>
  );
}

function TableRowViewImpl(props: Props) {
  const { row, index, top, focusable, section, sectionPending, strings: s } = props;
  const a = row.annotation;
  const names = row.categories.map((c) => c.name).join(', ');
  return (
    <div
      className="aa-row aa-data-row"
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={focusable ? 0 : -1}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => props.onFocus(index)}
      onClick={() => props.onOpen(index)}
    >
      <TextCell text={row.docTitle} />
      {section === undefined && sectionPending ? (
        <div className="aa-cell aa-muted" role="cell">
          …
        </div>
      ) : (
        <TextCell text={section ?? ''} />
      )}
      <div className="aa-cell aa-chips" role="cell" title={names || undefined}>
        {row.categories.map((c) => (
          <span key={c.id} className="aa-chip" style={{ ['--chip' as string]: c.color }}>
            <span className="aa-dot" aria-hidden="true" />
            {c.name}
          </span>
        ))}
      </div>
      <div className="aa-cell" role="cell">
        <span className={`aa-status aa-status-${a.status}`}>{s.status(a.status)}</span>
        {a.orphaned && (
          <span className="aa-orphan" title={s.t('orphaned')} aria-label={s.t('orphaned')}>
            ⚠
          </span>
        )}
      </div>
      <TextCell text={a.speaker} />
      <TextCell text={a.quote} className="aa-quote" />
      <ValueCell row={row} />
      <LinksCell {...props} />
      <TextCell text={a.note} className="aa-muted" />
      <TextCell text={a.createdBy ?? ''} className="aa-muted" />
    </div>
  );
}

/** Rows re-render only when what they show changes, not on every scroll frame. */
export const TableRowView = memo(TableRowViewImpl);
