import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { MenuButton, type MenuEntry } from '../ui/MenuButton';

export type View = 'reader' | 'all' | 'stats' | 'agreement';

/** Every export the Export menu offers. */
export type ExportFormat = 'csv-document' | 'csv-library' | 'xlsx' | 'backup' | 'qdpx' | 'w3c';
export type ImportFormat = 'qdpx' | 'backup' | 'work';

interface Props {
  view: View;
  onView(view: View): void;
  onSearch(): void;
  canOpenFolder: boolean;
  hasDocument: boolean;
  onOpen(): void;
  onOpenFolder(): void;
  /** `onlyDocument`: the project and annotation formats for the open document alone. */
  onExport(format: ExportFormat, onlyDocument: boolean): void;
  onImport(format: ImportFormat): void;
  onSettings(): void;
}

export function Toolbar(props: Props) {
  const { canOpenFolder, hasDocument, onOpen, onOpenFolder, onExport, onImport, onSettings } =
    props;
  const { t } = useI18n();
  const [onlyDocument, setOnlyDocument] = useState(false);
  const item = (key: ExportFormat, label: string, disabled = false): MenuEntry => ({
    kind: 'item',
    key,
    label,
    disabled,
    onChoose: () => onExport(key, onlyDocument && hasDocument),
  });
  const exports: MenuEntry[] = [
    item('csv-document', t('exportDocument'), !hasDocument),
    item('csv-library', t('exportLibrary')),
    { kind: 'separator', key: 'sep-1' },
    item('xlsx', t('exportXlsx')),
    item('qdpx', t('exportQdpx')),
    item('w3c', t('exportW3c')),
    {
      kind: 'check',
      key: 'only-document',
      label: t('exportOnlyDocument'),
      checked: onlyDocument && hasDocument,
      onToggle: () => setOnlyDocument((on) => !on),
    },
    { kind: 'separator', key: 'sep-2' },
    item('backup', t('exportBackup')),
  ];
  const imports: MenuEntry[] = [
    { kind: 'item', key: 'qdpx', label: t('importQdpx'), onChoose: () => onImport('qdpx') },
    { kind: 'item', key: 'work', label: t('importWork'), onChoose: () => onImport('work') },
    { kind: 'separator', key: 'sep-import' },
    { kind: 'item', key: 'backup', label: t('restoreLibrary'), onChoose: () => onImport('backup') },
  ];
  return (
    <header className="toolbar">
      <span className="brand">Claimmark</span>
      <button className="primary" onClick={onOpen}>
        {t('openFiles')}
      </button>
      {canOpenFolder && <button onClick={onOpenFolder}>{t('openFolder')}</button>}
      <MenuButton label={t('importMenu')} menuLabel={t('importMenuLabel')} entries={imports} />
      <MenuButton label={t('exportMenu')} menuLabel={t('exportMenuLabel')} entries={exports} />
      <nav className="views" aria-label={t('views')}>
        {(['reader', 'all', 'stats', 'agreement'] as const).map((v) => (
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
