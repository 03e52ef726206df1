import { db } from '../db/instance';
import { createLibrarySearch, type LibrarySearch } from './library-search';

let shared: LibrarySearch | null = null;

/**
 * The window's one library search. It lives as long as the window, so what
 * its worker folded is there again the next time the panel opens.
 */
export function librarySearch(): LibrarySearch {
  shared ??= createLibrarySearch({ dbName: db.name });
  return shared;
}

/**
 * Starts the search worker and opens the library in it as the window opens
 * (its own thread does the work), so that Ctrl+Shift+F does not wait for the
 * worker to load. (An idle callback came too late: a window opening a large
 * library is seldom idle in its first second.)
 */
export function warmLibrarySearch(): void {
  librarySearch().warm();
}

/**
 * Then, once the first document is on screen, the first documents or so
 * (one small read): the rest is read at the first search, so a session that
 * never searches reads next to nothing.
 */
export function readLibraryHead(): void {
  librarySearch().readHead();
}
