/**
 * The renderer is served from the privileged custom scheme `app://claimmark/`
 * rather than `file://`: it gets a real origin (so CSP 'self', workers and
 * fetch behave as on the web), and every response carries a strict CSP.
 * Everything here is pure so Vitest can run it without Electron; main.ts
 * passes `createAppRequestHandler` to `protocol.handle`.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { CSP_HEADER } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'claimmark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY = CSP_HEADER;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The subset of `node:path` used here, so tests can pass `path.win32`. */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute'>;

/**
 * Maps an `app://claimmark/...` URL to a file under `root`, or null when the
 * URL is not ours or would leave `root`. The URL parser already folds `.` and
 * `..` segments; this also refuses what it leaves behind: encoded separators
 * (`%2F`, `%5C`), NUL, drive letters and stream names (`:`), malformed escapes.
 */
export function resolveAppPath(url: string, root: string, pathApi: PathApi = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  if (pathname.endsWith('/') || /[\0\\:]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..')) return null;
  const resolved = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return resolved;
}

export interface AppRequestHandlerOptions {
  /** Folder of the built renderer (`dist/renderer`). */
  root: string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
  pathApi?: PathApi;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The `protocol.handle('app', …)` handler: files from `root`, each with the CSP. */
export function createAppRequestHandler(
  options: AppRequestHandlerOptions,
): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((p: string) => nodeFs.readFile(p));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const filePath = resolveAppPath(request.url, options.root, options.pathApi);
    if (filePath === null) return textResponse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        return textResponse(404, 'Not found');
      }
      console.error(`[claimmark] cannot serve ${request.url}:`, error);
      return textResponse(500, 'Cannot read file');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Length': String(body.byteLength),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
