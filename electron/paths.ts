import path from 'node:path';

export const APP_NAME = 'Claimmark';

/**
 * The user-data folder (IndexedDB, preferences). Pinned, so renaming the
 * package or the binary never "loses" the analyst's library by moving it.
 *
 * `CLAIMMARK_USER_DATA_DIR` overrides it in an unpackaged build only: the e2e
 * tests set it to a fresh temporary folder per test so each starts from an
 * empty profile (it also keys the single-instance lock, so parallel test apps
 * do not collide). A released app ignores it, so no environment can point an
 * installed Claimmark at another library.
 */
export function userDataPath(env: NodeJS.ProcessEnv, appDataDir: string, packaged = true): string {
  const override = packaged ? undefined : env['CLAIMMARK_USER_DATA_DIR']?.trim();
  return override ? path.resolve(override) : path.join(appDataDir, APP_NAME);
}
