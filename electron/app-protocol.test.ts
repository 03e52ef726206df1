import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  mimeTypeFor,
  resolveAppPath,
} from './app-protocol';

const ROOT = '/opt/claimmark/resources/app.asar/dist/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://claimmark/', 'index.html'],
    ['app://claimmark', 'index.html'],
    ['app://claimmark/index.html', 'index.html'],
    ['app://claimmark/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://claimmark/assets/a%20b.css?x=1#frag', 'assets/a b.css'],
    ['app://claimmark/fonts/%E5%AE%8B.woff2', 'fonts/宋.woff2'],
    // The URL parser folds dot segments, staying inside the root:
    ['app://claimmark/assets/../index.html', 'index.html'],
    ['app://claimmark/../../../etc/passwd', 'etc/passwd'],
    ['app://claimmark/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
  ])('%s → <root>/%s', (url, relative) => {
    expect(resolveAppPath(url, ROOT, path.posix)).toBe(path.posix.join(ROOT, relative));
  });

  it.each([
    'app://claimmark/..%2f..%2fetc%2fpasswd',
    'app://claimmark/..%2F..%2Fsecret',
    'app://claimmark/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://claimmark/..%5c..%5csecret',
    'app://claimmark/index.html%00.png',
    'app://claimmark/%E0%A4%A',
    'app://claimmark/C:/Windows/win.ini',
    'app://claimmark/index.html:stream',
    'app://claimmark/assets/',
    'app://other/index.html',
    'app://claimmark.evil/index.html',
    'https://claimmark/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, ROOT, path.posix)).toBeNull();
  });

  it('refuses traversal with Windows path rules', () => {
    const root = 'C:\\Program Files\\Claimmark\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath('app://claimmark/assets/x.js', root, path.win32)).toBe(
      `${root}\\assets\\x.js`,
    );
    for (const url of [
      'app://claimmark/..%5C..%5C..%5Cwin.ini',
      'app://claimmark/%5C%5Cserver%5Cshare%5Cx',
      'app://claimmark/D:%5Cx',
      'app://claimmark/assets/..%2F..%2Fx',
    ]) {
      expect(resolveAppPath(url, root, path.win32), url).toBeNull();
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['decode.worker-x.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['f.woff2', 'font/woff2'],
    ['i.svg', 'image/svg+xml'],
    ['m.wasm', 'application/wasm'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });
});

describe('createAppRequestHandler', () => {
  const files: Record<string, string> = {
    [path.join(ROOT, 'index.html')]: '<!doctype html>',
    [path.join(ROOT, 'assets', 'app.js')]: 'console.log(1)',
  };
  const handler = createAppRequestHandler({
    root: ROOT,
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
  });

  it('serves files with type, CSP and nosniff', async () => {
    const response = await handler(new Request('app://claimmark/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root', async () => {
    const response = await handler(new Request('app://claimmark/'));
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 for missing files and traversal, with the CSP', async () => {
    for (const url of ['app://claimmark/missing.js', 'app://claimmark/..%2F..%2Fetc%2Fpasswd']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await handler(new Request('app://claimmark/index.html', { method: 'POST' }));
    expect(response.status).toBe(405);
  });
});
