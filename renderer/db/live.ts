import { useRef, type DependencyList } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { isClosedError } from './connection';

/**
 * `useLiveQuery`, except that once this window's connection is closed (a newer
 * Claimmark upgraded the library elsewhere) a query keeps its last answer
 * instead of throwing into React, which would blank the window: the window
 * says to reload, and what it shows stays readable until then.
 */
export function useLive<T>(querier: () => Promise<T> | T, deps: DependencyList): T | undefined {
  const last = useRef<T | undefined>(undefined);
  return useLiveQuery(async () => {
    try {
      const value = await querier();
      last.current = value;
      return value;
    } catch (error) {
      if (isClosedError(error)) return last.current;
      throw error;
    }
    // The caller's deps say when the query changes, as with useLiveQuery.
  }, [...deps]);
}
