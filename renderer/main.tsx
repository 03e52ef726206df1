// First, before anything else can run: no WebRTC, the one way past the CSP.
import './offline-guard-install';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { showStartupMessage } from './app/startup-message';
import { compactLeftovers } from './db/compaction';
import { watchConnection } from './db/connection';
import { seedDefaults } from './db/defaults';
import { db } from './db/instance';
import { documentListRead, holdDocumentList } from './db/library-list';
import { errorMessage } from './db/storage-error';
import { readLibraryHead, warmLibrarySearch } from './search/instance';
import { afterFirstDocument } from './app/first-document';
import { preloadViews } from './app/lazy-views';
import { askLastDocument } from './app/last-document';
import { askLanguage } from './app/language-at-start';
import './app/app.css';

/** When no document opens, the search reads ahead this long after the window. */
const WARM_SEARCH_FALLBACK_MS = 1500;

watchConnection(db, () => showStartupMessage('dbBlocked'));

// In a browser, ask that the library not be evicted under storage pressure
// (Electron keeps its profile anyway; there persist() does nothing).
if (!window.claimmark && navigator.storage?.persist) {
  void navigator.storage.persist().catch(() => false);
}

// Read while the database opens and React draws, not after (library-list.ts).
const releaseList = holdDocumentList();
// The first frame draws the window whole: its language, the list, the last document.
const firstFrame = Promise.all([askLanguage(), askLastDocument(), documentListRead]);

// Seeding can fail on a full disk; the app still opens on what the library holds.
const seeded = seedDefaults(db).catch((error: unknown) => {
  if (!db.isOpen()) throw error;
  console.warn('Claimmark: the default codebook could not be stored:', error);
});
const opened = seeded.then(() => firstFrame);

opened.then(
  () => {
    const root = document.getElementById('root');
    if (!root) throw new Error('No #root element in index.html');
    root.replaceChildren();
    createRoot(root).render(
      <StrictMode>
        <Root />
      </StrictMode>,
    );
    warmLibrarySearch();
    afterFirstDocument(readLibraryHead, WARM_SEARCH_FALLBACK_MS);
    afterFirstDocument(preloadViews, WARM_SEARCH_FALLBACK_MS);
    // A replaced text whose annotations were not all rewritten when the window closed.
    afterFirstDocument(() => void compactLeftovers(db).catch(() => {}), WARM_SEARCH_FALLBACK_MS);
    // The library view holds the list by now.
    afterFirstDocument(releaseList, WARM_SEARCH_FALLBACK_MS);
  },
  (error: unknown) => {
    releaseList();
    showStartupMessage('dbOpenFailed', errorMessage(error));
  },
);
