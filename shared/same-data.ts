/**
 * Whether two records as IndexedDB stores them (plain objects, arrays and
 * primitives: what structured clone gives back) hold the same data. Any other
 * object counts as different, so a caller that skips a write when they are
 * the same never skips one it needed.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameData(x, b[i]));
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // A key present with the value undefined is not the same as no key: the stored record keeps it.
  return keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

function isPlain(x: object): x is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
