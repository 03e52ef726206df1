/**
 * What changed between two lists sorted by `compare`, items compared by
 * identity: an item in both lists unchanged is the same object. Items that
 * compare equal but are not the same object count as removed and added (an
 * annotation edited in place). Null when more than `limit` changed, when a
 * rebuild is cheaper than a patch.
 */
export function sortedDiff<T>(
  before: readonly T[],
  after: readonly T[],
  compare: (a: T, b: T) => number,
  limit: number,
): { removed: T[]; added: T[] } | null {
  const removed: T[] = [];
  const added: T[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (removed.length + added.length > limit) return null;
    if (i === before.length) {
      added.push(after[j++]!);
      continue;
    }
    if (j === after.length) {
      removed.push(before[i++]!);
      continue;
    }
    const a = before[i]!;
    const b = after[j]!;
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const order = compare(a, b);
    if (order <= 0) {
      removed.push(a);
      i++;
    }
    if (order >= 0) {
      added.push(b);
      j++;
    }
  }
  return removed.length + added.length > limit ? null : { removed, added };
}
