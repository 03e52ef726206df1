import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { Modal } from '../ui/Modal';

const SHORTCUTS: [string, StringKey][] = [
  ['1 – 9', 'keyTag'],
  ['S', 'keySentence'],
  ['J  ]', 'keyNext'],
  ['K  [', 'keyPrevious'],
  ['N', 'keyNote'],
  ['G', 'keySuggestionNext'],
  ['A', 'keySuggestionAccept'],
  ['X', 'keySuggestionDismiss'],
  ['Delete', 'keyDelete'],
  ['Ctrl/⌘ + Z', 'keyUndo'],
  ['Ctrl/⌘ + Shift + Z', 'keyRedo'],
  ['Ctrl/⌘ + F', 'keyFind'],
  ['Ctrl/⌘ + Shift + F', 'keyFindLibrary'],
  ['Enter  Shift + Enter', 'keyFindNext'],
  ['Ctrl/⌘ + O', 'keyOpen'],
  ['Esc', 'keyEscape'],
  ['?', 'keyHelp'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('shortcutsTitle')} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
