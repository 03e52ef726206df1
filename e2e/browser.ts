import { existsSync } from 'node:fs';

/**
 * Which Chromium the web target drives, without downloading one:
 * CLAIMMARK_CHROMIUM (an explicit path), else Debian's /usr/bin/chromium,
 * else Playwright's own Chromium if `npx playwright install chromium` was run.
 */
export function chromiumPath(): string | undefined {
  const explicit = process.env.CLAIMMARK_CHROMIUM;
  if (explicit) return explicit;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Chromium must not phone home: the suite fails on any request off the page's origin. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];
