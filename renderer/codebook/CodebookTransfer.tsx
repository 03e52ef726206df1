import type { Category } from '../../shared/types';

/** Codebook import and export (CSV, REFI-QDA .qdc); filled in when the formats land. */
export function CodebookTransfer(_: { categories: readonly Category[] }) {
  return null;
}
