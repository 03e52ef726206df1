/**
 * A static server on 127.0.0.1 (ephemeral port): each mount maps a URL prefix
 * to a folder or to in-memory files. One origin for the app and the harness,
 * so the harness can reach the app's IndexedDB.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export type Mount =
  { prefix: string; dir: string } | { prefix: string; files: Map<string, Buffer> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'application/octet-stream',
};

async function fromDir(dir: string, rest: string): Promise<Buffer | null> {
  const path = normalize(join(dir, decodeURIComponent(rest) || 'index.html'));
  if (path !== dir && !path.startsWith(dir + sep)) return null;
  try {
    const info = await stat(path);
    return await readFile(info.isDirectory() ? join(path, 'index.html') : path);
  } catch {
    return null;
  }
}

/** A Vite build's output name: `assets/<name>-<8-character content hash>.<ext>`. */
const isHashed = (name: string): boolean => /^assets\/[^/]+-[\w-]{8}\.\w+$/.test(name);

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export async function serve(mounts: Mount[]): Promise<Served> {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const mount = sorted.find((m) => path.startsWith(m.prefix));
    const rest = mount ? path.slice(mount.prefix.length) : '';
    const body = !mount
      ? Promise.resolve(null)
      : 'files' in mount
        ? Promise.resolve(mount.files.get(rest) ?? null)
        : fromDir(mount.dir, rest);
    void body.then((data) => {
      if (!data) {
        response.writeHead(404).end();
        return;
      }
      const name = rest === '' || rest.endsWith('/') ? 'index.html' : rest;
      // Vite names every file in assets/ after its content, so those are kept
      // for good, as a static host should keep them. Chromium reuses a
      // script's compiled code (the desktop app's app:// scheme has codeCache)
      // only for a response it did not revalidate: answered 304, it compiles
      // the whole script again at every load (seen in the trace: a streamed
      // compile and no consumed cache). Everything else is revalidated.
      if (isHashed(name)) {
        response.writeHead(200, {
          'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
          'content-length': data.length,
          'cache-control': 'public, max-age=31536000, immutable',
        });
        response.end(data);
        return;
      }
      const etag = `"${createHash('sha1').update(data).digest('base64url')}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
        'content-length': data.length,
        'cache-control': 'no-cache',
        etag,
      });
      response.end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
