/**
 * Tells the UI that this window's database connection is gone for good: a
 * newer Claimmark in another window upgraded the library, and this one closed
 * its connection so that the upgrade could run. Every later write fails with
 * DatabaseClosedError; the user must reload.
 */
import type Dexie from 'dexie';

type Listener = () => void;

const listeners = new Set<Listener>();
let lost = false;

export function connectionLost(): void {
  lost = true;
  for (const listener of listeners) listener();
}

/** Calls back at once when the connection is already gone. */
export function onConnectionLost(listener: Listener): () => void {
  listeners.add(listener);
  if (lost) listener();
  return () => listeners.delete(listener);
}

/** Dexie's errors for a connection closed under it. */
export function isClosedError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'DatabaseClosedError' || name === 'VersionChangeError';
}

/**
 * A newer copy of the app in another window upgrading the schema must not be
 * blocked by this one: close, and tell the user to reload. When it is this
 * window that upgrades while an older one holds the library open, the upgrade
 * waits, and `onBlocked` says why instead of leaving the window blank.
 */
export function watchConnection(db: Dexie, onBlocked: () => void): void {
  db.on('versionchange', () => {
    db.close();
    connectionLost();
    return false;
  });
  db.on('blocked', onBlocked);
}
