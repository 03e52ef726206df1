// Bundles the main process and the preload with esbuild:
//   electron/main.ts    → dist-electron/main.cjs
//   electron/preload.ts → dist-electron/preload.cjs
// Both are CommonJS with 'electron' left external. The preload must be one
// self-contained file: a sandboxed preload can require nothing but 'electron'
// (and a few Node polyfills), so this script fails if anything else slips in.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'dist-electron');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const [main, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    target: 'node22', // Electron 45 ships Node 22.
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    target: 'chrome140', // Electron 45 ships Chromium 140.
  }),
]);

// Guard the preload: no require() but 'electron', and no library code.
const preloadCode = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
const requires = [...preloadCode.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const badRequires = requires.filter((name) => name !== 'electron');
const libraryInputs = Object.keys(preload.metafile.inputs).filter((p) =>
  p.includes('node_modules'),
);
if (badRequires.length > 0 || libraryInputs.length > 0) {
  console.error(
    'preload.cjs must depend on nothing but electron; found:',
    [...badRequires, ...libraryInputs].join(', '),
  );
  process.exit(1);
}

const kb = (result, file) => Math.round(result.metafile.outputs[file].bytes / 1024);
console.log(
  `built dist-electron/main.cjs (${kb(main, 'dist-electron/main.cjs')} KB) and ` +
    `dist-electron/preload.cjs (${kb(preload, 'dist-electron/preload.cjs')} KB)`,
);
