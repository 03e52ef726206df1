import { useMemo } from 'react';
import type { ClaimCandidate } from '../../shared/claims/detect';
import { useSaveSetting } from '../db/use-save-setting';
import { useI18n } from '../i18n/i18n';
import { shorten } from '../annotations/shorten';
import { reading } from '../reader/suggestions';
import { useSuggestionLinks } from './use-claim-links';
import { SUGGESTIONS_SETTING } from './use-suggestions';

interface Props {
  docId: string | null;
  enabled: boolean;
  suggestions: readonly ClaimCandidate[];
  /** The suggestion the caret is in, or the next one after it. */
  current: ClaimCandidate | null;
  onShow(c: ClaimCandidate): void;
  onAccept(c: ClaimCandidate): void;
  onDismiss(c: ClaimCandidate): void;
}

/** Rows drawn at most: a long document may hold thousands of suggestions; G reaches all. */
const SHOWN = 300;

/** Suggested claims of the open document, to accept into the codebook or dismiss. */
export function SuggestionPanel(props: Props) {
  const { enabled, suggestions, current } = props;
  const { t } = useI18n();
  const saveSetting = useSaveSetting();
  // One array per list of suggestions: the links query re-runs when it changes.
  const shown = useMemo(() => suggestions.slice(0, SHOWN), [suggestions]);
  const links = useSuggestionLinks(props.docId, shown);
  return (
    <aside className="suggestions" role="region" aria-label={t('suggestions')}>
      <div className="pane-header">
        <h2>{t('suggestions')}</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => saveSetting(SUGGESTIONS_SETTING, e.target.checked ? 'on' : 'off')}
          />
          {t('showSuggestions')}
        </label>
      </div>
      {enabled && suggestions.length === 0 && <p className="hint">{t('noSuggestions')}</p>}
      {enabled && suggestions.length > 0 && <p className="hint">{t('suggestionKeys')}</p>}
      <ol className="suggestion-list">
        {shown.map((c) => (
          <li
            key={c.start}
            className={c === current ? 'suggestion current' : 'suggestion'}
            aria-current={c === current}
          >
            <button className="quote" onClick={() => props.onShow(c)} title={reading(c)}>
              {shorten(c.quote, 120)}
            </button>
            <div className="suggestion-row">
              <span className={`kind kind-${c.kind}`}>{t(`kind_${c.kind}`)}</span>
              <span className="figures-inline">{c.quantities.map((q) => q.text).join(' · ')}</span>
              <LinkBadges links={links?.get(c.start)} />
              <span className="suggestion-actions">
                <button className="small" onClick={() => props.onAccept(c)}>
                  {t('accept')}
                </button>
                <button className="small" onClick={() => props.onDismiss(c)}>
                  {t('dismissSuggestion')}
                </button>
              </span>
            </div>
          </li>
        ))}
      </ol>
      {suggestions.length > SHOWN && (
        <p className="hint">{t('moreSuggestions', { n: suggestions.length - SHOWN })}</p>
      )}
    </aside>
  );
}

/** "also in 2 · differs in 1": the claim's fate in the other documents of the library. */
function LinkBadges({ links }: { links: { same: number; differs: number } | undefined }) {
  const { t } = useI18n();
  if (!links) return null;
  return (
    <>
      {links.same > 0 && (
        <span className="badge same">{t('suggestionAlsoIn', { n: links.same })}</span>
      )}
      {links.differs > 0 && (
        <span className="badge differs">{t('suggestionDiffers', { n: links.differs })}</span>
      )}
    </>
  );
}
