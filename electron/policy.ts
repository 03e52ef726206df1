/**
 * What the app may load and where it may go. Claimmark is offline: the only
 * URLs a renderer may request are its own bundle (`app:`), DevTools, and the
 * in-memory `data:` / `blob:` URLs a page makes itself. Pure, so it is tested.
 */
import { APP_ORIGIN } from './app-protocol';

const ALLOWED_REQUEST_PROTOCOLS = new Set(['app:', 'devtools:', 'data:', 'blob:']);

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/** `webRequest.onBeforeRequest` cancels every request for which this is false. */
export function isAllowedRequestUrl(url: string): boolean {
  const protocol = protocolOf(url);
  return protocol !== null && ALLOWED_REQUEST_PROTOCOLS.has(protocol);
}

/** A window may only navigate within the app itself (e.g. a reload). */
export function isAllowedNavigation(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Long `data:` URLs would flood the log; keep the start. */
export function urlForLog(url: string, max = 200): string {
  return url.length > max ? `${url.slice(0, max)}…` : url;
}
