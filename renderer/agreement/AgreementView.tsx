import { useMemo, useState } from 'react';
import {
  agreementReport,
  codersIn,
  type Disagreement,
  type Figure,
  type ReportAnnotation,
} from '../../shared/agreement-report';
import { shorten } from '../annotations/shorten';
import { useCategories } from '../db/hooks';
import { useI18n } from '../i18n/i18n';
import type { RevealTarget } from '../app/use-reveal';
import { useAgreementStrings, type AgreementTranslate } from './strings';
import { useAgreementData } from './use-agreement-data';
import './agreement.css';

/** Disagreements listed at most; the rest are counted. */
const SHOWN = 300;

export interface AgreementViewProps {
  onOpen(target: RevealTarget): void;
}

function FigureCell({ f, t, percent }: { f: Figure; t: AgreementTranslate; percent?: boolean }) {
  const { language } = useI18n();
  if (Number.isNaN(f.value))
    return (
      <td className="ag-undefined" title={t(`undefined_${f.why ?? 'nobody-marked'}`)}>
        —
      </td>
    );
  const text = percent
    ? `${(f.value * 100).toLocaleString(language, { maximumFractionDigits: 1 })} %`
    : f.value.toLocaleString(language, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return <td className="ag-figure">{text}</td>;
}

/**
 * Agreement between coders: α_u, character κ and percent agreement per
 * category and overall, over the documents every chosen coder coded, and the
 * disagreements side by side, each opening the reader at its span.
 */
export function AgreementView({ onOpen }: AgreementViewProps) {
  const t = useAgreementStrings();
  const data = useAgreementData();
  const categories = useCategories();
  const all = useMemo(() => (data ? codersIn(data.annotations) : []), [data]);
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const chosen = all.filter((c) => !unchosen.has(c));
  const key = chosen.join('\n');
  const sorted = useMemo(
    () => [...(categories ?? [])].sort((a, b) => a.order - b.order),
    [categories],
  );
  const report = useMemo(
    () =>
      data && chosen.length >= 2
        ? agreementReport(
            chosen,
            data.documents,
            data.annotations,
            sorted.map((c) => c.id),
          )
        : null,
    // chosen is rebuilt each render; its content is in key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, sorted, key],
  );
  const name = (id: string | null) =>
    id === null ? t('overall') : (sorted.find((c) => c.id === id)?.name ?? id);
  const titleOf = (docId: string) => data?.documents.find((d) => d.id === docId)?.title ?? docId;

  return (
    <section className="agreement-view" aria-labelledby="agreement-title">
      <header className="ag-header">
        <h2 id="agreement-title">{t('title')}</h2>
        {all.length >= 2 && (
          <fieldset className="ag-coders">
            <legend>{t('coders')}</legend>
            {all.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={!unchosen.has(c)}
                  onChange={() =>
                    setUnchosen((s) => {
                      const next = new Set(s);
                      if (next.has(c)) next.delete(c);
                      else next.add(c);
                      return next;
                    })
                  }
                />
                {c || '—'}
              </label>
            ))}
          </fieldset>
        )}
      </header>
      {!data || !categories ? (
        <p className="ag-empty">{t('loading')}</p>
      ) : all.length < 2 ? (
        <p className="ag-empty">{t('noCoders')}</p>
      ) : !report ? (
        <p className="ag-empty">{t('pickTwo')}</p>
      ) : (
        <>
          <p className="ag-summary" role="status">
            {t('documents', { n: report.documents.length })}
          </p>
          <table className="ag-table">
            <thead>
              <tr>
                <th scope="col">{t('category')}</th>
                <th scope="col" title={t('alphaHint')}>
                  {t('alpha')}
                </th>
                <th scope="col" title={t('kappaHint')}>
                  {t('kappa')}
                </th>
                <th scope="col" title={t('percentHint')}>
                  {t('percent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...report.rows, report.overall].map((row) => (
                <tr
                  key={row.categoryId ?? 'overall'}
                  className={row.categoryId ? '' : 'ag-overall'}
                >
                  <th scope="row">{name(row.categoryId)}</th>
                  <FigureCell f={row.alpha} t={t} />
                  <FigureCell f={row.kappa} t={t} />
                  <FigureCell f={row.percent} t={t} percent />
                </tr>
              ))}
            </tbody>
          </table>
          <Disagreements
            list={report.disagreements}
            t={t}
            name={name}
            titleOf={titleOf}
            onOpen={onOpen}
          />
        </>
      )}
    </section>
  );
}

interface DisagreementsProps {
  list: readonly Disagreement[];
  t: AgreementTranslate;
  name(id: string): string;
  titleOf(docId: string): string;
  onOpen(target: RevealTarget): void;
}

function Disagreements({ list, t, name, titleOf, onOpen }: DisagreementsProps) {
  const side = (a: ReportAnnotation | null, coder: string) =>
    a ? (
      <button
        className="ag-span"
        aria-label={t('openAt', { quote: shorten(a.quote, 60) })}
        onClick={() => onOpen({ docId: a.docId, annotationId: a.id })}
      >
        <span className="ag-coder">{coder}</span>
        <q>{shorten(a.quote, 120)}</q>
        <span className="ag-cats">{a.categoryIds.map(name).join(', ')}</span>
      </button>
    ) : (
      <span className="ag-nothing">
        <span className="ag-coder">{coder}</span> {t('nothing')}
      </span>
    );
  return (
    <>
      <h3>{t('disagreements', { n: list.length })}</h3>
      {list.length === 0 ? (
        <p className="ag-empty">{t('noDisagreements')}</p>
      ) : (
        <ol className="ag-list">
          {list.slice(0, SHOWN).map((d) => (
            <li key={`${d.coderA}\n${d.coderB}\n${d.a?.id ?? ''}\n${d.b?.id ?? ''}`}>
              <div className="ag-kind">
                {t(`kind_${d.kind}`, { a: d.coderA, b: d.coderB })} · {titleOf(d.docId)}
              </div>
              <div className="ag-sides">
                {side(d.a, d.coderA)}
                {side(d.b, d.coderB)}
              </div>
            </li>
          ))}
        </ol>
      )}
      {list.length > SHOWN && <p className="ag-empty">{t('more', { n: list.length - SHOWN })}</p>}
    </>
  );
}
