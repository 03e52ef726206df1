/**
 * LibreOffice headless, the real producer and second reader the tests use
 * (Calc reads workbooks back; Writer makes PDF and DOCX fixtures).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.SOFFICE ?? 'soffice';

/** Why LibreOffice cannot run here (`debianPackage` says what to install), or null when it can. */
export function sofficeMissing(debianPackage: string): string | null {
  const found = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (found.status === 0) return null;
  return (
    `"${SOFFICE} --version" did not run (${found.error?.message ?? `exit ${found.status}`}); ` +
    `install ${debianPackage}`
  );
}

/** `soffice --convert-to filter` of `source` into `outDir`; throws with its stderr when it fails. */
export function sofficeConvert(source: string, filter: string, outDir: string): void {
  // A profile of its own beside the source (not among the outputs), so that a desktop
  // LibreOffice already running is not asked instead.
  const profile = pathToFileURL(join(dirname(source), 'lo-profile')).href;
  const run = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      source,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
}
