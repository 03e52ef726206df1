/**
 * The OWASP CSV-injection guard every CSV writer uses. A text cell that begins
 * with `=`, `+`, `-`, `@` or any C0 control character (NUL, tab, CR, LF and the
 * rest: spreadsheet programs skip some of them and then read a formula) gets a
 * leading `'`; a cell that already begins with `'` before such a character gets
 * one more, so that reading strips exactly the one the writer added.
 */

/** A cell that would be (or, with its `'` removed, would become) a formula. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_GUARD = /^'*[=+\-@\x00-\x1f]/;
// eslint-disable-next-line no-control-regex -- as above
const GUARDED = /^'+[=+\-@\x00-\x1f]/;

export const guardCell = (cell: string): string => (NEEDS_GUARD.test(cell) ? `'${cell}` : cell);

/** Undoes guardCell when Claimmark reads its own CSV. */
export const unguardCell = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);
