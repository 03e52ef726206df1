/**
 * IndexedDB reports a full disk in several shapes: a QuotaExceededError, or an
 * AbortError whose inner error is one (Dexie keeps it as `inner`).
 */
export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const named = e as { name?: string; inner?: unknown; cause?: unknown };
    if (named.name === 'QuotaExceededError') return true;
    e = named.inner ?? named.cause;
  }
  return false;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
