import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the Electron binary without triggering the electron package's lazy
 * download (requiring 'electron' from Node would try to fetch it).
 */
export function electronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const p = join(override, relative ?? 'electron');
    return existsSync(p)
      ? { path: p }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${p}` };
  }
  if (!relative)
    return {
      missing:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is absent)',
    };
  const p = join(pkgDir, 'dist', relative);
  return existsSync(p) ? { path: p } : { missing: `no Electron binary at ${p}` };
}
