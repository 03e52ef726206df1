import { afterFirstDocument } from '../app/first-document';
import { START_WAIT_MS } from '../db/hooks';
import { db } from '../db/instance';
import { LibraryClaims } from './library-claims';

let instance: LibraryClaims | null = null;

/** The window's one claim index of the library, made on first use, read once a document shows. */
export function libraryClaims(): LibraryClaims {
  instance ??= new LibraryClaims(
    db,
    (error) => console.warn('Claimmark: could not read the claims of the library', error),
    new Promise<void>((resolve) => afterFirstDocument(resolve, START_WAIT_MS)),
  );
  return instance;
}
