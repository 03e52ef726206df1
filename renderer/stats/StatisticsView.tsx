import { useMemo, useState } from 'react';
import type { ClaimStatus } from '../../shared/types';
import { BarChart, type Bar } from './BarChart';
import { ChartFrame } from './ChartFrame';
import { STATUS_COLORS } from './chart-utils';
import type { CorpusStats } from './compute';
import { HeatMap } from './HeatMap';
import { statusKey, useStatsStrings, type StatsTranslate } from './strings';
import { useCorpusStats } from './use-stats';
import './stats.css';

/** What the All annotations view should show; every field narrows the list. */
export interface AnnotationFilter {
  /** Annotations carrying every one of these categories. */
  categoryIds?: string[];
  status?: ClaimStatus;
  docId?: string;
}

export interface StatisticsViewProps {
  /** The document open in the reader, if any: enables the "Current document" scope. */
  docId: string | null;
  onOpenAnnotations(filter: AnnotationFilter): void;
}

type Scope = 'library' | 'document';

const barName = (t: StatsTranslate, name: string, n: number) =>
  n === 1 ? t('barNameOne', { name }) : t('barName', { name, n });

/**
 * The picture of a corpus: annotations per category, category co-occurrence,
 * annotations per document and per status, for the library or one document.
 * Every bar and cell opens the annotations behind it.
 */
export function StatisticsView({ docId, onOpenAnnotations }: StatisticsViewProps) {
  const t = useStatsStrings();
  const [chosen, setChosen] = useState<Scope>('library');
  const scope: Scope = docId && chosen === 'document' ? 'document' : 'library';
  const scopeDocId = scope === 'document' ? docId : null;
  const stats = useCorpusStats(scopeDocId);

  const open = (filter: AnnotationFilter) =>
    onOpenAnnotations(scopeDocId ? { ...filter, docId: scopeDocId } : filter);

  return (
    <div className="stats-view">
      <header className="st-header">
        <h2>{t('title')}</h2>
        <label className="st-scope">
          {t('scope')}
          <select value={scope} onChange={(e) => setChosen(e.target.value as Scope)}>
            <option value="library">{t('scopeLibrary')}</option>
            <option value="document" disabled={!docId}>
              {t('scopeDocument')}
            </option>
          </select>
        </label>
        {stats && (
          <span className="st-summary" role="status">
            {t('summary', { n: stats.total, docs: stats.documents, none: stats.uncategorised })}
          </span>
        )}
      </header>
      {!stats ? (
        <p className="st-empty">{t('loading')}</p>
      ) : stats.total === 0 ? (
        <p className="st-empty">{t('empty')}</p>
      ) : (
        <Charts stats={stats} scope={scope} t={t} open={open} />
      )}
    </div>
  );
}

interface ChartsProps {
  stats: CorpusStats;
  scope: Scope;
  t: StatsTranslate;
  open(filter: AnnotationFilter): void;
}

function Charts({ stats, scope, t, open }: ChartsProps) {
  const categoryBars = useMemo<Bar[]>(
    () =>
      stats.categories.map(({ category, depth, count }) => ({
        key: category.id,
        label: category.name,
        value: count,
        color: category.color,
        depth,
        name: barName(t, category.name, count),
      })),
    [stats, t],
  );
  const documentBars = useMemo<Bar[]>(
    () =>
      stats.perDocument.map(({ docId, title, count }) => {
        const label = title ?? t('missingDocument');
        return {
          key: docId,
          label,
          value: count,
          color: 'var(--accent)',
          name: barName(t, label, count),
        };
      }),
    [stats, t],
  );
  const statusBars = useMemo<Bar[]>(
    () =>
      stats.perStatus.map(({ status, count }) => ({
        key: status,
        label: t(statusKey(status)),
        value: count,
        color: STATUS_COLORS[status],
        name: barName(t, t(statusKey(status)), count),
      })),
    [stats, t],
  );

  const names = stats.matrixCategories.map((c) => c.name);
  const cellName = (r: number, c: number, n: number) => {
    const a = names[r] ?? '';
    const b = names[c] ?? '';
    if (r === c) return t(n === 1 ? 'cellDiagonalOne' : 'cellDiagonal', { name: a, n });
    return n === 1 ? t('cellNameOne', { a, b }) : t('cellName', { a, b, n });
  };
  const file = (chart: string) => `claimmark-${chart}-${scope}`;

  return (
    <div className="st-charts">
      <ChartFrame
        title={t('perCategory')}
        fileName={file('categories')}
        empty={categoryBars.length === 0 ? t('noCategories') : null}
      >
        <BarChart
          title={t('perCategory')}
          bars={categoryBars}
          onActivate={(id) => open({ categoryIds: [id] })}
        />
      </ChartFrame>
      <ChartFrame
        title={t('coOccurrence')}
        hint={t('coOccurrenceHint')}
        fileName={file('co-occurrence')}
        empty={names.length === 0 ? t('coOccurrenceNone') : null}
      >
        <HeatMap
          title={t('coOccurrence')}
          labels={names}
          matrix={stats.matrix}
          cellName={cellName}
          onActivate={(r, c) => {
            const ids = [...new Set([r, c])].map((i) => stats.matrixCategories[i]?.id ?? '');
            open({ categoryIds: ids });
          }}
        />
      </ChartFrame>
      {scope === 'library' && (
        <ChartFrame title={t('perDocument')} fileName={file('documents')}>
          <BarChart
            title={t('perDocument')}
            bars={documentBars}
            onActivate={(docId) => open({ docId })}
          />
        </ChartFrame>
      )}
      <CoderTable stats={stats} t={t} />
      <ChartFrame title={t('perStatus')} fileName={file('status')}>
        <BarChart
          title={t('perStatus')}
          bars={statusBars}
          onActivate={(status) => open({ status: status as ClaimStatus })}
        />
      </ChartFrame>
    </div>
  );
}

/** The "by coder" split: each coder's annotations, documents and annotations per category. */
function CoderTable({ stats, t }: { stats: CorpusStats; t: StatsTranslate }) {
  const columns = stats.categories.filter((_, i) => stats.perCoder.some((r) => r.perCategory[i]));
  const index = columns.map((c) => stats.categories.indexOf(c));
  return (
    <section className="st-coders" aria-label={t('byCoder')}>
      <h3>{t('byCoder')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('coder')}</th>
            <th scope="col">{t('coderCount')}</th>
            <th scope="col">{t('coderDocuments')}</th>
            {columns.map((c) => (
              <th scope="col" key={c.category.id}>
                {c.category.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.perCoder.map((r) => (
            <tr key={r.coder}>
              <th scope="row">{r.coder || t('noCoder')}</th>
              <td>{r.count}</td>
              <td>{r.documents}</td>
              {index.map((i) => (
                <td key={i}>{r.perCategory[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
