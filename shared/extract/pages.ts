/**
 * The page (1-based) an offset of the text is on, from the page start
 * offsets a PDF import stores; null for documents without pages.
 */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  // The last page starting at or before `offset` (binary search: a book has hundreds).
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pages[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
