import { ENCODINGS, ENCODING_NAMES, type DocumentRecord, type Encoding } from '../../shared/types';
import { useI18n } from '../i18n/i18n';
import { canReflow } from './reflow-choice';
import { formatCount, formatDayTime } from '../i18n/format';

interface Props {
  doc: DocumentRecord;
  annotationCount: number;
  onReopen(encoding: Encoding): void;
  onReflow(on: boolean): void;
  onReplace(): void;
}

export function DocumentHeader({ doc, annotationCount, onReopen, onReflow, onReplace }: Props) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  return (
    <header className="doc-header">
      <h1 className="doc-heading" title={doc.title}>
        {doc.title}
      </h1>
      <dl className="doc-details" aria-label={t('documentDetails')}>
        <div>
          <dt>{t('fileName')}</dt>
          <dd title={doc.filePath ?? doc.fileName}>{doc.fileName}</dd>
        </div>
        {/* A PDF, Word file or web page has no encoding to choose: its text is extracted, not decoded. */}
        {doc.format && doc.format !== 'text' ? null : (
          <div>
            <dt>{t('encoding')}</dt>
            <dd>
              <select
                aria-label={t('encoding')}
                value={doc.encoding}
                title={t('reopenAs')}
                onChange={(e) => onReopen(e.target.value as Encoding)}
              >
                {ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {ENCODING_NAMES[enc]}
                    {enc === 'utf-8' && doc.bom ? ' (BOM)' : ''}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('length')}</dt>
          <dd>{t('chars', { n: formatCount(doc.length, locale) })}</dd>
        </div>
        <div>
          <dt>{t('annotations')}</dt>
          <dd>{annotationCount}</dd>
        </div>
        <div>
          <dt>{t('added')}</dt>
          <dd>{formatDayTime(doc.addedAt, locale)}</dd>
        </div>
        {/* A PDF's, Word file's or web page's paragraphs come from the file: no hard-wrapped lines to rejoin. */}
        {canReflow(doc) ? (
          <div>
            <dt className="visually-hidden">{t('reflowLines')}</dt>
            <dd>
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={doc.reflow !== null}
                  onChange={(e) => onReflow(e.target.checked)}
                />
                {t('reflowLines')}
              </label>
              <span className="reflow-state">
                {doc.reflow ? t('reflowOn', { ...doc.reflow }) : t('reflowOff')}
              </span>
            </dd>
          </div>
        ) : null}
        <div>
          <dd>
            <button className="small" onClick={onReplace}>
              {t('replaceText')}
            </button>
          </dd>
        </div>
      </dl>
    </header>
  );
}
