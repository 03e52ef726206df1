// Runs the bundled preload against a fake 'electron' module (no binary here):
// checks what `window.claimmark` exposes and how it talks to the main process.
import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimmarkBridge } from '../shared/ipc';

type Listener = (event: unknown, payload: unknown) => void;

const invoked: unknown[][] = [];
const listeners = new Map<string, Set<Listener>>();
const exposed = new Map<string, unknown>();
let invokeImpl: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({
  ok: true,
  value: [],
});

const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      return invokeImpl(channel, ...args);
    },
    on: (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) =>
      listeners.get(channel)?.delete(listener),
  },
  webUtils: {
    getPathForFile: (file: { path?: string }) => {
      if (typeof file.path !== 'string') throw new TypeError('not a File');
      return file.path;
    },
  },
};

let bridge: ClaimmarkBridge;
let code = '';

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(__dirname, 'preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
  const requireFake = (id: string): unknown => {
    if (id === 'electron') return fakeElectron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  new Function('require', 'module', 'exports', code)(requireFake, { exports: {} }, {});
  bridge = exposed.get('claimmark') as ClaimmarkBridge;
});

describe('preload bridge', () => {
  it('exposes only window.claimmark, with one function per channel and no ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['claimmark']);
    expect(Object.keys(bridge).sort()).toEqual([
      'onFileChanged',
      'onFilesOpened',
      'onMenuCommand',
      'openFilesDialog',
      'openFolderDialog',
      'pathForFile',
      'readDroppedFiles',
      'readFiles',
      'saveTextFile',
      'takeLaunchFiles',
      'userName',
      'watchFiles',
    ]);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(code).not.toMatch(/\bzod\b/);
  });

  it('invokes the named channels with their arguments', async () => {
    invoked.length = 0;
    const request = { defaultName: 'a.csv', content: 'x', filterName: 'CSV', extensions: ['csv'] };
    await bridge.openFilesDialog();
    await bridge.openFolderDialog();
    await bridge.readFiles(['/a.txt']);
    await bridge.takeLaunchFiles();
    await bridge.saveTextFile(request);
    await bridge.watchFiles(['/news/a.txt', '/news/b.txt']);
    expect(invoked).toEqual([
      ['files:open-dialog'],
      ['files:open-folder-dialog'],
      ['files:read', ['/a.txt']],
      ['files:take-launch-files'],
      ['export:save-text', request],
      ['files:watch', ['/news/a.txt', '/news/b.txt']],
    ]);
  });

  it('turns a transport failure into { ok: false } instead of throwing', async () => {
    invokeImpl = async () => {
      throw new Error("No handler registered for 'files:read'");
    };
    await expect(bridge.readFiles(['/a.txt'])).resolves.toEqual({
      ok: false,
      error: "No handler registered for 'files:read'",
    });
  });

  it('subscribes to events and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.onMenuCommand((command) => got.push(command));
    const offFiles = bridge.onFilesOpened((results) => got.push(results));
    const offChanged = bridge.onFileChanged((changed) => got.push(changed));
    for (const l of listeners.get('menu:command') ?? []) l({}, 'export-library-csv');
    for (const l of listeners.get('files:opened') ?? []) l({}, []);
    for (const l of listeners.get('files:changed') ?? []) l({}, '/news/a.txt');
    off();
    offFiles();
    offChanged();
    expect(listeners.get('menu:command')?.size).toBe(0);
    expect(listeners.get('files:opened')?.size).toBe(0);
    expect(listeners.get('files:changed')?.size).toBe(0);
    expect(got).toEqual(['export-library-csv', [], '/news/a.txt']);
  });

  it('readDroppedFiles sends the paths webUtils gives for File objects, never a string of the page', async () => {
    invokeImpl = async () => ({ ok: true, value: [] });
    invoked.length = 0;
    const dropped = { path: '/home/a/dropped.txt' } as unknown as File;
    const made = {} as File; // new File([...]) in the page: no path on disk
    const forged = ['/etc/passwd', { name: '/home/a/.ssh/id_ed25519' }] as unknown as File[];
    await bridge.readDroppedFiles([dropped, made, ...forged]);
    expect(invoked).toEqual([['files:read-dropped', ['/home/a/dropped.txt']]]);
    // Nothing with a path: nothing is sent at all.
    invoked.length = 0;
    await expect(bridge.readDroppedFiles(forged)).resolves.toEqual({ ok: true, value: [] });
    await expect(bridge.readDroppedFiles('/etc/passwd' as unknown as File[])).resolves.toEqual({
      ok: true,
      value: [],
    });
    expect(invoked).toEqual([]);
  });

  it('pathForFile returns the path, or "" for what is not a dropped file', () => {
    expect(bridge.pathForFile({ path: '/home/a/x.txt' } as unknown as File)).toBe('/home/a/x.txt');
    expect(bridge.pathForFile({} as File)).toBe('');
  });
});
