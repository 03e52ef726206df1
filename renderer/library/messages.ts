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
