import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

interface Props {
  canOpenFolder: boolean;
  hasDocument: boolean;
  onOpen(): void;
  onOpenFolder(): void;
  onExport(scope: 'document' | 'library'): void;
  onSettings(): void;
}

export function Toolbar({
  canOpenFolder,
  hasDocument,
  onOpen,
  onOpenFolder,
  onExport,
  onSettings,
}: Props) {
  const { t } = useI18n();
  const [exportOpen, setExportOpen] = useState(false);
  const choose = (scope: 'document' | 'library') => {
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
          </div>
        )}
      </div>
      <span className="spacer" />
      <button onClick={onSettings}>{t('settings')}</button>
    </header>
  );
}
