import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InvokeChannel } from '../../shared/ipc';
import {
  isTrustedSender,
  isTrustedUrl,
  registerHandlers,
  type InvokeHandlers,
  type SenderEvent,
} from './handle';

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

function setup(overrides: Partial<InvokeHandlers> = {}) {
  const handlers: InvokeHandlers = {
    'files:open-dialog': vi.fn(async () => []),
    'files:open-folder-dialog': vi.fn(async () => []),
    'files:read': vi.fn(async (paths: string[]) =>
      paths.map((p) => ({
        ok: true as const,
        file: { name: p, path: p, bytes: new Uint8Array() },
      })),
    ),
    'files:read-dropped': vi.fn(async () => []),
    'files:take-launch-files': vi.fn(async () => []),
    'export:save-text': vi.fn(async () => ({ saved: true, path: '/tmp/x.csv' })),
    'files:watch': vi.fn(async () => ({ skipped: [] })),
    'system:user-name': vi.fn(async () => 'li'),
    ...overrides,
  };
  const listeners = new Map<string, Listener>();
  registerHandlers<SenderEvent>(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
    isTrustedSender,
  );
  const call = (channel: InvokeChannel, event: SenderEvent, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no listener for ${channel}`);
    return listener(event, ...args);
  };
  return { handlers, listeners, call };
}

const fromApp: SenderEvent = { senderFrame: { url: 'app://claimmark/index.html' } };
const validSave = {
  defaultName: 'library.csv',
  content: 'a,b\n',
  filterName: 'CSV',
  extensions: ['csv'],
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isTrustedUrl', () => {
  it.each([
    ['app://claimmark/index.html', true],
    ['app://claimmark/', true],
    ['app://claimmark/assets/x.js?v=1#top', true],
    ['app://claimmark', false],
    ['app://claimmark.evil/index.html', false],
    ['app://other/index.html', false],
    ['https://claimmark/index.html', false],
    ['file:///app/index.html', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    [undefined, false],
    [null, false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedUrl(url)).toBe(trusted);
  });
});

describe('registerHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([
      'export:save-text',
      'files:open-dialog',
      'files:open-folder-dialog',
      'files:read',
      'files:read-dropped',
      'files:take-launch-files',
      'files:watch',
      'system:user-name',
    ]);
  });

  it('returns the handler value as { ok: true, value }', async () => {
    const { call, handlers } = setup();
    await expect(call('files:read', fromApp, ['/a.txt'])).resolves.toEqual({
      ok: true,
      value: [{ ok: true, file: { name: '/a.txt', path: '/a.txt', bytes: new Uint8Array() } }],
    });
    expect(handlers['files:read']).toHaveBeenCalledWith(['/a.txt']);
  });

  it('refuses bad arguments with an error and does not run the handler', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { call, handlers } = setup();
    const cases: [InvokeChannel, unknown[]][] = [
      ['files:read', []],
      ['files:read', ['/a.txt']],
      ['files:read', [[]]],
      ['files:read', [[42]]],
      ['files:read', [['/a.txt'], 'extra']],
      ['files:open-dialog', ['unexpected']],
      ['files:open-dialog', ['backup', 'extra']],
      ['files:read', [['relative/a.txt']]],
      ['files:read', [['\\\\attacker\\share\\a.txt']]],
      ['files:read', [['//attacker/share/a.txt']]],
      ['files:read', [['\\\\?\\C:\\a.txt']]],
      ['files:read-dropped', [[]]],
      ['files:read-dropped', [['relative/a.txt']]],
      ['files:read-dropped', [['\\\\attacker\\share\\a.txt']]],
      ['files:read-dropped', [Array.from({ length: 1001 }, (_, i) => `/news/${i}.txt`)]],
      ['export:save-text', [{ ...validSave, defaultName: '../../etc/passwd' }]],
      ['export:save-text', [{ ...validSave, extensions: ['CSV; rm -rf'] }]],
      ['export:save-text', [{ ...validSave, content: 42 }]],
      ['files:watch', []],
      ['files:watch', ['/a.txt']],
      ['files:watch', [['']]],
      ['files:watch', [[42]]],
      ['files:watch', [Array.from({ length: 5001 }, (_, i) => `/news/${i}.txt`)]],
    ];
    for (const [channel, args] of cases) {
      const result = (await call(channel, fromApp, ...args)) as { ok: boolean; error: string };
      expect(result.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      expect(result.error).toContain(`${channel}: invalid arguments`);
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('files:watch takes up to 5,000 paths, or none (each is checked by the handler)', async () => {
    const { call, handlers } = setup();
    const many = Array.from({ length: 5000 }, (_, i) => `/news/${i}.txt`);
    const windows = ['C:\\news\\a.txt', 'd:/news/b.txt', '\\\\server\\share\\c.txt'];
    for (const paths of [[], many, windows]) {
      await expect(call('files:watch', fromApp, paths)).resolves.toEqual({
        ok: true,
        value: { skipped: [] },
      });
      expect(handlers['files:watch']).toHaveBeenLastCalledWith(paths);
    }
  });

  it('passes validated data only (unknown keys stripped)', async () => {
    const { call, handlers } = setup();
    await call('export:save-text', fromApp, { ...validSave, sneaky: true });
    expect(handlers['export:save-text']).toHaveBeenCalledWith(validSave);
  });

  it('refuses untrusted senders without running the handler', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { call, handlers } = setup();
    const events: SenderEvent[] = [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///tmp/page.html' } },
      { senderFrame: null },
      { senderFrame: undefined },
      {
        get senderFrame(): { url: string } {
          throw new Error('frame destroyed');
        },
      },
    ];
    for (const event of events) {
      const result = await call('files:read', event, ['/etc/passwd']);
      expect(result).toEqual({
        ok: false,
        error: 'files:read: refused, the sender is not the Claimmark window',
      });
    }
    expect(handlers['files:read']).not.toHaveBeenCalled();
  });

  it('turns a handler exception (async or sync) into { ok: false }', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { call } = setup({
      'export:save-text': async () => {
        throw new Error('Could not save "/x.csv": the disk is full (ENOSPC)');
      },
      'files:open-dialog': (() => {
        throw 'plain string';
      }) as InvokeHandlers['files:open-dialog'],
    });
    await expect(call('export:save-text', fromApp, validSave)).resolves.toEqual({
      ok: false,
      error: 'Could not save "/x.csv": the disk is full (ENOSPC)',
    });
    await expect(call('files:open-dialog', fromApp)).resolves.toEqual({
      ok: false,
      error: 'plain string',
    });
  });
});
