import { liveQuery } from 'dexie';
import { CODER_SETTING, type ClaimmarkDB } from '../db/db';

/**
 * The coder: the name Settings ▸ Your name holds, recorded on every
 * annotation as `createdBy` / `updatedBy`. Asked once, after the first tag in
 * a library without one (`CODER_ASKED_SETTING` remembers that it was asked).
 */
export const CODER_ASKED_SETTING = 'coderAsked';

/** Longest name kept: a name, not a paragraph. */
export const MAX_CODER_NAME = 100;

export const cleanCoderName = (name: string): string =>
  name.replace(/\s+/g, ' ').trim().slice(0, MAX_CODER_NAME);

/**
 * Stores the coder's name and credits to it the annotations that have no
 * author yet (made before any name was given), in one transaction. Resolves
 * to how many were credited.
 */
export async function saveCoderName(db: ClaimmarkDB, name: string): Promise<number> {
  const coder = cleanCoderName(name);
  return db.transaction('rw', db.settings, db.annotations, async () => {
    await db.settings.bulkPut([
      { key: CODER_SETTING, value: coder },
      { key: CODER_ASKED_SETTING, value: 'yes' },
    ]);
    if (coder === '') return 0;
    return db.annotations
      .filter((a) => !a.createdBy)
      .modify((a) => {
        a.createdBy = coder;
        if (!a.updatedBy) a.updatedBy = coder;
      });
  });
}

/** "Not now": the question is not asked again; Settings still has the field. */
export async function declineCoderName(db: ClaimmarkDB): Promise<void> {
  await db.settings.put({ key: CODER_ASKED_SETTING, value: 'yes' });
}

/**
 * The current coder's name, kept up to date from the settings table (also
 * when another window changes it), for code outside React: the annotation
 * store stamps each write with it.
 */
export function trackCoder(db: ClaimmarkDB): { current(): string; stop(): void } {
  let name = '';
  const subscription = liveQuery(() => db.settings.get(CODER_SETTING)).subscribe({
    next: (s) => {
      name = s?.value ?? '';
    },
    // A library that cannot be read shows its own error; the name stays as it was.
    error: () => undefined,
  });
  return { current: () => name, stop: () => subscription.unsubscribe() };
}
