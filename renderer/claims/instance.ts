import { afterFirstDocument } from '../app/first-document';
import { db } from '../db/instance';
import { LibraryClaims } from './library-claims';

let instance: LibraryClaims | null = null;

/** The window's one claim index of the library, made on first use, read once a document shows. */
export function libraryClaims(): LibraryClaims {
  instance ??= new LibraryClaims(
    db,
    (error) => console.warn('Claimmark: could not read the claims of the library', error),
    new Promise<void>((resolve) => afterFirstDocument(resolve, 1500)),
  );
  return instance;
}
