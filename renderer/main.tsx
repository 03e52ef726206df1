import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { seedDefaults } from './db/defaults';
import { db } from './db/instance';
import './app/app.css';

// A newer copy of the app in another window upgrading the schema must not be
// blocked by this one: close, and let that window's upgrade proceed.
db.on('versionchange', () => {
  db.close();
  return false;
});

// This window upgrades the schema while another still has the old one open.
db.on('blocked', () => {
  console.warn('Claimmark: close other Claimmark windows or tabs so the library can be upgraded.');
});

// In a browser, ask that the library not be evicted under storage pressure
// (Electron keeps its profile anyway; there persist() does nothing).
if (!window.claimmark && navigator.storage?.persist) {
  void navigator.storage.persist().catch(() => false);
}

void seedDefaults(db).finally(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('No #root element in index.html');
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
