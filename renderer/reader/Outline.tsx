import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { readingOrder, type HeadingOverrides, type Structure } from '../../shared/structure';
import { useI18n } from '../i18n/i18n';
import { useNotify } from '../ui/notices';

interface Props {
  text: string;
  structure: Structure;
  overrides: HeadingOverrides | undefined;
  /** Start of the line the reader's cursor is in. */
  caretLine(): number | null;
  onJump(pos: number): void;
  onOverrides(next: HeadingOverrides): void;
}

/** Height of one outline row (one line, cut with an ellipsis). */
const ROW = 30;
const EMPTY: HeadingOverrides = { promote: [], demote: [] };
const without = (list: number[], n: number) => list.filter((x) => x !== n);

/** The articles and headings found in the text; clicking one scrolls the reader there. */
/** Memoised: a key press elsewhere (a tag, a note) leaves the outline as it is. */
export const Outline = memo(function Outline(props: Props) {
  const { text, structure, overrides = EMPTY, caretLine, onJump, onOverrides } = props;
  const { t } = useI18n();
  const notify = useNotify();
  const scroller = useRef<HTMLElement>(null);
  // Each article's title first, even where the page printed it after the article.
  const entries = useMemo(() => readingOrder(structure.outline), [structure]);
  // A file may hold thousands of articles: only the entries on screen are drawn.
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 10,
  });

  const promote = () => {
    const line = caretLine();
    if (line === null) return notify('info', t('caretHint'));
    onOverrides({
      promote: overrides.demote.includes(line) ? overrides.promote : [...overrides.promote, line],
      demote: without(overrides.demote, line),
    });
  };
  const demote = (line: number) =>
    onOverrides({
      promote: without(overrides.promote, line),
      demote: overrides.promote.includes(line) ? overrides.demote : [...overrides.demote, line],
    });

  return (
    <section className="outline" aria-label={t('outline')} ref={scroller}>
      <div className="pane-header">
        <h2>{t('outline')}</h2>
        <button className="small" onClick={promote} onMouseDown={(e) => e.preventDefault()}>
          {t('makeHeading')}
        </button>
      </div>
      {structure.outline.length === 0 ? (
        <p className="hint">{t('noOutline')}</p>
      ) : (
        <ul className="outline-list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index];
            if (!entry) return null;
            return (
              <li
                key={entry.start}
                className={`outline-entry level-${entry.level}`}
                style={{ transform: `translateY(${row.start}px)`, height: ROW }}
              >
                <button
                  className="outline-jump"
                  aria-label={entry.title}
                  onClick={() => onJump(entry.start)}
                  title={entry.subtitle ? `${entry.title}\n${entry.subtitle}` : entry.title}
                >
                  {entry.title}
                  {entry.subtitle && <span className="outline-subtitle"> {entry.subtitle}</span>}
                </button>
                <button
                  className="icon-button"
                  aria-label={`${t('notHeading')}: ${entry.title}`}
                  title={t('notHeading')}
                  onClick={() => demote(lineStartOf(text, entry.start))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});

function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}
