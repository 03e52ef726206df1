import { createContext, useContext } from 'react';
import type { UnsavedChange } from '../db/unsaved';

/**
 * Reports a write that failed. A full disk holds the change (`retry`) and
 * shows one notice listing what is not saved yet; any other failure shows one
 * notice per distinct message, however often it repeats.
 */
export type ReportFailure = (error: unknown, change: UnsavedChange) => void;

export interface StorageFailures {
  report: ReportFailure;
  /** The change under this key was written after all (a later keystroke got through). */
  settle(key: string): void;
}

export const StorageFailureContext = createContext<StorageFailures>({
  report: () => {},
  settle: () => {},
});
export const useStorageFailures = (): StorageFailures => useContext(StorageFailureContext);
