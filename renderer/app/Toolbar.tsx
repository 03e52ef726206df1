import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

export type View = 'reader' | 'all' | 'stats';

interface Props {
  view: View;
  onView(view: View): void;
  onSearch(): void;
  canOpenFolder: boolean;
  hasDocument: boolean;
  onOpen(): void;
  onOpenFolder(): void;
  onExport(scope: 'document' | 'library' | 'backup' | 'xlsx'): void;
  onSettings(): void;
}

export function Toolbar(props: Props) {
  const { canOpenFolder, hasDocument, onOpen, onOpenFolder, onExport, onSettings } = props;
  const { t } = useI18n();
  const [exportOpen, setExportOpen] = useState(false);
  const choose = (scope: 'document' | 'library' | 'backup' | 'xlsx') => {
    setExportOpen(false);
    onExport(scope);
  };
  return (
    <header className="toolbar">
      <span className="brand">Claimmark</span>
      <button className="primary" onClick={onOpen}>
        {t('openFiles')}
      </button>
      {canOpenFolder && <button onClick={onOpenFolder}>{t('openFolder')}</button>}
      <div className="menu-anchor">
        <button
          aria-haspopup="menu"
          aria-expanded={exportOpen}
          onClick={() => setExportOpen((o) => !o)}
        >
          {t('exportCsv')} ▾
        </button>
        {exportOpen && (
          <div className="menu" role="menu" onMouseLeave={() => setExportOpen(false)}>
            <button role="menuitem" disabled={!hasDocument} onClick={() => choose('document')}>
              {t('exportDocument')}
            </button>
            <button role="menuitem" onClick={() => choose('library')}>
              {t('exportLibrary')}
            </button>
            <button role="menuitem" onClick={() => choose('xlsx')}>
              {t('exportXlsx')}
            </button>
            <button role="menuitem" onClick={() => choose('backup')}>
              {t('exportBackup')}
            </button>
          </div>
        )}
      </div>
      <nav className="views" aria-label={t('views')}>
        {(['reader', 'all', 'stats'] as const).map((v) => (
          <button
            key={v}
            className={props.view === v ? 'view-tab current' : 'view-tab'}
            aria-pressed={props.view === v}
            onClick={() => props.onView(v)}
          >
            {t(`view_${v}`)}
          </button>
        ))}
      </nav>
      <span className="spacer" />
      <button onClick={props.onSearch} title="Ctrl+Shift+F">
        {t('searchLibrary')}
      </button>
      <button onClick={onSettings}>{t('settings')}</button>
    </header>
  );
}
