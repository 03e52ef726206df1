import { findQuantities } from '../../shared/claims/quantity';
import type { Annotation } from '../../shared/types';
import { useI18n } from '../i18n/i18n';
import { useClaimLinks, type OtherClaim } from './use-claim-links';
import { formatFigure } from '../i18n/format';

const byDocument = (claims: OtherClaim[]): OtherClaim[] => [
  ...new Map(claims.map((c) => [c.docId, c])).values(),
];

/** The figures of an annotation's quote, and where else in the library its claim is made. */
export function ClaimFacts({ annotation: a }: { annotation: Annotation }) {
  const { t } = useI18n();
  const quantities = a.quantities ?? findQuantities(a.quote);
  const links = useClaimLinks(a);
  const same = byDocument(links?.same ?? []);
  const differs = byDocument(links?.differs ?? []);
  if (quantities.length === 0) return null;
  return (
    <div className="claim-facts">
      {/* Spans, not list items: the panel's rows are the list. */}
      <div className="figures" role="group" aria-label={t('figures')}>
        {quantities.map((q) => {
          const reading = t('figureReading', {
            text: q.text,
            value: formatFigure(q.value, 'en-US'),
            unit: q.unit,
          }).trim();
          return (
            <span key={q.start} className="figure" title={reading}>
              {reading}
            </span>
          );
        })}
      </div>
      {same.length > 0 && (
        <p className="claim-link same">
          {t('alsoIn', { n: same.length, titles: same.map((c) => `“${c.title}”`).join('、') })}
        </p>
      )}
      {differs.length > 0 && (
        <p className="claim-link differs" role="status">
          {t('differsIn', {
            n: differs.length,
            figures: differs
              .map((c) => t('differsOne', { figure: c.figure ?? c.quote, title: c.title }))
              .join('; '),
          })}
        </p>
      )}
    </div>
  );
}
