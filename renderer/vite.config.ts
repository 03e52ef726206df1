import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { CSP_META } from '../shared/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The production page may talk to nothing but itself. The dev server gets no
 * CSP because Vite's hot reload needs a websocket and inline scripts.
 */
const CSP = CSP_META;

const cspMeta = (): Plugin => ({
  name: 'claimmark-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // pdf.js fetches its CMaps and standard fonts; a data: URL would be refused by connect-src 'self'.
    assetsInlineLimit: (file) => (/\.(bcmap|pfb|ttf)$/.test(file) ? false : undefined),
  },
  // Module workers (every worker is started with type: 'module') can load a chunk on
  // first use: the decode worker starts without pdf.js and fetches it for the first PDF.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
