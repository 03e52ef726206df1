import type { DecodeDamage } from '../../shared/decode';
import type { FileError } from '../../shared/file-errors';
import type { Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

const KEY: Record<FileError['code'], StringKey> = {
  'not-found': 'errNotFound',
  permission: 'errPermission',
  'is-directory': 'errIsDirectory',
  'too-large': 'errTooLarge',
  unreadable: 'errUnreadable',
  empty: 'errEmpty',
  binary: 'errBinary',
  undecodable: 'errUndecodable',
  scanned: 'errScanned',
  encrypted: 'errEncrypted',
  damaged: 'errDamaged',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A sentence naming the file and saying what was wrong with it. */
export function fileErrorMessage(t: Translate, error: FileError): string {
  const size = error.code === 'too-large' && error.detail ? formatBytes(Number(error.detail)) : '';
  return t(KEY[error.code], { file: error.path ?? error.name, size, detail: error.detail ?? '' });
}

/** Files the import notice names before it says "and N more". */
export const LISTED_FILES = 3;

/**
 * The notice after an import, naming what was imported: one file by name, a
 * few by name, many by the first LISTED_FILES names and how many more (never
 * "and 1 more": four files are all named). `names` is not empty.
 */
export function importedMessage(t: Translate, names: readonly string[]): string {
  const [only] = names;
  if (names.length === 1 && only !== undefined) return t('importedOne', { file: only });
  const listed = names.length > LISTED_FILES + 1 ? names.slice(0, LISTED_FILES) : names;
  const files = listed.map((file) => t('importedName', { file })).join(t('importedListSeparator'));
  const more = names.length - listed.length;
  const n = names.length;
  return more > 0 ? t('importedMore', { n, files, more }) : t('importedMany', { n, files });
}

/** A warning naming the file for each kind of damage it was imported with. */
export function damageMessages(t: Translate, file: string, damage: DecodeDamage): string[] {
  const messages: string[] = [];
  const { undecodable: n, firstLine: line, nulsRemoved: nuls } = damage;
  if (n > 0) {
    messages.push(t(n === 1 ? 'damageUndecodableOne' : 'damageUndecodableMany', { file, n, line }));
  }
  if (nuls > 0)
    messages.push(t(nuls === 1 ? 'damageNulsOne' : 'damageNulsMany', { file, n: nuls }));
  return messages;
}
