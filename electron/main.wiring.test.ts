// Runs the bundled main process against a fake 'electron' module: the real
// binary cannot be downloaded here, so this is what checks that main.ts wires
// the tested pieces together (profile, scheme, lockdown, IPC, window, menu,
// launch files). It bundles main.ts the way build.mjs does.
import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOT_GRANTED_DETAIL } from './grants';

type Fn = (...args: never[]) => unknown;
type AnyFn = (...args: unknown[]) => unknown;

function fakeElectron() {
  const appEvents = new EventEmitter();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const calls = {
    name: '',
    sandboxed: false,
    paths: new Map<string, string>(),
    lockData: undefined as unknown,
    schemes: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, AnyFn>(),
    beforeRequest: undefined as AnyFn | undefined,
    permissionRequest: undefined as AnyFn | undefined,
    permissionCheck: undefined as AnyFn | undefined,
    menu: undefined as unknown,
    windows: [] as FakeWindow[],
    /** Chromium switches, and whether the app was ready when each was appended. */
    switches: [] as { name: string; value: string | undefined; ready: boolean }[],
    /** setProxy configs and window creations, in the order they happened. */
    order: [] as string[],
    proxies: [] as unknown[],
  };
  let isReady = false;

  class FakeContents extends EventEmitter {
    sent: [string, unknown][] = [];
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
    isDestroyed(): boolean {
      return false;
    }
    windowOpenHandler: AnyFn | undefined;
    setWindowOpenHandler(handler: AnyFn): void {
      this.windowOpenHandler = handler;
    }
    webRtcPolicy: string | undefined;
    setWebRTCIPHandlingPolicy(policy: string): void {
      this.webRtcPolicy = policy;
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    url = '';
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.windows.push(this);
      calls.order.push('window');
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
    isVisible = () => true;
    isDestroyed = () => false;
    focus = vi.fn();
    show = vi.fn();
    restore = vi.fn();
    static getAllWindows = () => calls.windows;
  }

  const electron = {
    app: {
      name: 'Claimmark',
      // Run from the build output, as the e2e tests run it: not a packaged release.
      isPackaged: false,
      setName: (name: string) => (calls.name = name),
      getPath: (name: string) => calls.paths.get(name) ?? `/fake/${name}`,
      setPath: (name: string, value: string) => calls.paths.set(name, value),
      enableSandbox: () => (calls.sandboxed = true),
      commandLine: {
        appendSwitch: (name: string, value?: string) =>
          calls.switches.push({ name, value, ready: isReady }),
      },
      requestSingleInstanceLock: (data: unknown) => ((calls.lockData = data), true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: (event: string, listener: Fn) => appEvents.on(event, listener as AnyFn),
      isReady: () => isReady,
      whenReady: () => ready,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
      handle: (scheme: string, handler: (r: Request) => Promise<Response>) =>
        calls.protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (fn: AnyFn) => (calls.beforeRequest = fn) },
        setPermissionRequestHandler: (fn: AnyFn) => (calls.permissionRequest = fn),
        setPermissionCheckHandler: (fn: AnyFn) => (calls.permissionCheck = fn),
        setDevicePermissionHandler: vi.fn(),
        setProxy: async (config: unknown) => {
          // Settles later, as Electron's does: the window must wait for it.
          await new Promise((r) => setTimeout(r, 5));
          calls.proxies.push(config);
          calls.order.push('proxy');
        },
      },
    },
    ipcMain: { handle: (channel: string, fn: AnyFn) => calls.ipc.set(channel, fn) },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (calls.menu = menu),
    },
    nativeTheme: { shouldUseDarkColors: true },
    BrowserWindow: FakeWindow,
  };
  const makeReady = async (): Promise<void> => {
    isReady = true;
    resolveReady();
    await ready;
    await new Promise((r) => setTimeout(r, 20));
  };
  return { electron, calls, appEvents, makeReady };
}

let root: string;
let fake: ReturnType<typeof fakeElectron>;
const trusted = { senderFrame: { url: 'app://claimmark/index.html' } };

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'claimmark-wiring-'));
  await mkdir(path.join(root, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'launch.txt'), 'launched');
  const bundle = await build({
    entryPoints: [path.join(__dirname, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  fake = fakeElectron();
  const realRequire = createRequire(import.meta.url);
  const fakeProcess = Object.assign(Object.create(process) as NodeJS.Process, {
    argv: ['/x/electron', '--inspect=0', '.', 'launch.txt'],
    env: { CLAIMMARK_USER_DATA_DIR: path.join(root, 'profile') },
    defaultApp: true,
    cwd: () => root,
  });
  const requireFake = (id: string): unknown =>
    id === 'electron' ? fake.electron : realRequire(id);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const dirname = path.join(root, 'dist-electron');
  new Function('require', 'module', 'exports', '__dirname', 'process', code)(
    requireFake,
    { exports: {} },
    {},
    dirname,
    fakeProcess,
  );
  await fake.makeReady();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('main process wiring (fake electron)', () => {
  it('pins the profile and registers the privileged scheme, with its code cache, before ready', () => {
    // (Recorded by hand: Vitest clears vi.fn() call history between tests.)
    expect(fake.calls.name).toBe('Claimmark');
    expect(fake.calls.paths.get('userData')).toBe(path.join(root, 'profile'));
    expect(fake.calls.sandboxed).toBe(true);
    expect(fake.calls.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(fake.calls.lockData).toEqual({ files: [path.join(root, 'launch.txt')] });
  });

  it('serves the renderer over app:// with the CSP', async () => {
    const handler = fake.calls.protocols.get('app');
    const response = await handler?.(new Request('app://claimmark/'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('<!doctype html>');
    expect(response?.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('blocks the network and denies permissions', () => {
    const decide = (url: string) => {
      let answer: unknown;
      fake.calls.beforeRequest?.({ url }, (r: unknown) => (answer = r));
      return answer;
    };
    expect(decide('https://example.com/')).toEqual({ cancel: true });
    expect(decide('app://claimmark/index.html')).toEqual({ cancel: false });
    const granted = vi.fn();
    fake.calls.permissionRequest?.({}, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.calls.permissionCheck?.({}, 'clipboard-read', 'app://claimmark', {})).toBe(false);
  });

  it('keeps everything on the machine: switches before ready, dead proxy before the window, WebRTC', () => {
    expect(fake.calls.switches).toEqual([
      { name: 'host-resolver-rules', value: 'MAP * ~NOTFOUND', ready: false },
      { name: 'force-webrtc-ip-handling-policy', value: 'disable_non_proxied_udp', ready: false },
      { name: 'proxy-server', value: 'http://127.0.0.1:9', ready: false },
      { name: 'proxy-bypass-list', value: '<-loopback>', ready: false },
    ]);
    expect(fake.calls.proxies).toEqual([
      { mode: 'fixed_servers', proxyRules: 'http://127.0.0.1:9', proxyBypassRules: '<-loopback>' },
    ]);
    // The page loads only once the proxy is in place.
    expect(fake.calls.order.slice(0, 2)).toEqual(['proxy', 'window']);
    for (const window of fake.calls.windows) {
      expect(window.webContents.webRtcPolicy).toBe('disable_non_proxied_udp');
    }
  });

  it('opens one hardened window on the app URL', () => {
    expect(fake.calls.windows).toHaveLength(1);
    const [window] = fake.calls.windows;
    expect(window?.url).toBe('app://claimmark/index.html');
    expect(window?.options).toMatchObject({
      webPreferences: {
        preload: path.join(root, 'dist-electron', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
    const contents = window?.webContents;
    expect(contents?.windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
    const navigation = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents?.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents?.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('installs the menu', () => {
    const labels = (fake.calls.menu as { label?: string }[]).map((m) => m.label);
    expect(labels).toContain('&File');
  });

  it('registers every channel; launch files go once, then later ones as files:opened', async () => {
    const ipc = fake.calls.ipc;
    expect([...ipc.keys()].sort()).toEqual([
      'export:save-text',
      'files:open-dialog',
      'files:open-folder-dialog',
      'files:read',
      'files:read-dropped',
      'files:take-launch-files',
      'files:watch',
      'system:user-name',
    ]);
    const untrusted = await ipc.get('files:take-launch-files')?.({ senderFrame: null });
    expect(untrusted).toMatchObject({ ok: false });
    const taken = (await ipc.get('files:take-launch-files')?.(trusted)) as {
      ok: true;
      value: { ok: boolean; file: { name: string } }[];
    };
    expect(taken.value.map((r) => r.file.name)).toEqual(['launch.txt']);
    expect(await ipc.get('files:take-launch-files')?.(trusted)).toEqual({ ok: true, value: [] });

    const second = path.join(root, 'second.txt');
    await writeFile(second, 'second');
    fake.appEvents.emit('second-instance', {}, ['claimmark'], root, { files: [second] });
    const contents = fake.calls.windows[0]?.webContents;
    await vi.waitFor(() => expect(contents?.sent).toHaveLength(1));
    const [channel, payload] = contents?.sent[0] ?? [];
    expect(channel).toBe('files:opened');
    expect(payload).toMatchObject([{ ok: true, file: { name: 'second.txt', path: second } }]);
  });

  it('File ▸ Open… reads the chosen files and sends files:opened (dialog patched like e2e)', async () => {
    const chosen = path.join(root, 'menu.txt');
    await writeFile(chosen, 'menu');
    // e2e replaces dialog.showOpenDialog from the main process the same way.
    Object.assign(fake.electron.dialog, {
      showOpenDialog: async () => ({ canceled: false, filePaths: [chosen] }),
    });
    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const file = (fake.calls.menu as Item[]).find((m) => m.label === '&File');
    const contents = fake.calls.windows[0]?.webContents;
    const before = contents?.sent.length ?? 0;
    file?.submenu?.find((i) => i.label === 'Open…')?.click?.();
    await vi.waitFor(() => expect(contents?.sent.length).toBe(before + 1));
    expect(contents?.sent.at(-1)).toMatchObject([
      'files:opened',
      [{ ok: true, file: { name: 'menu.txt', path: chosen } }],
    ]);
  });

  it('files:read refuses what the user did not open; what the dialog returned is readable and remembered', async () => {
    const ipc = fake.calls.ipc;
    const planted = path.join(root, 'planted.txt');
    const chosen = path.join(root, 'chosen.txt');
    await writeFile(planted, 'never opened');
    await writeFile(chosen, 'chosen');
    const refused = (p: string) => ({
      ok: false,
      error: { name: path.basename(p), path: p, code: 'unreadable', detail: NOT_GRANTED_DETAIL },
    });
    expect(await ipc.get('files:read')?.(trusted, ['/etc/passwd', planted, chosen])).toEqual({
      ok: true,
      value: [refused('/etc/passwd'), refused(planted), refused(chosen)],
    });
    Object.assign(fake.electron.dialog, {
      showOpenDialog: async () => ({ canceled: false, filePaths: [chosen] }),
    });
    await ipc.get('files:open-dialog')?.(trusted);
    expect(await ipc.get('files:read')?.(trusted, [chosen, planted])).toMatchObject({
      ok: true,
      value: [{ ok: true, file: { path: chosen } }, refused(planted)],
    });
    // Remembered in the profile, so the library can reload it after a restart.
    const store = path.join(root, 'profile', 'granted-files.json');
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(store, 'utf8')).files).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: chosen })]),
      ),
    );
  });

  it('files:watch watches the granted files; a change on disk reaches the window as files:changed', async () => {
    const watched = path.join(root, 'watched.txt');
    const planted = path.join(root, 'planted-watch.txt');
    await writeFile(watched, 'first');
    await writeFile(planted, 'first');
    const ipc = fake.calls.ipc;
    Object.assign(fake.electron.dialog, {
      showOpenDialog: async () => ({ canceled: false, filePaths: [watched] }),
    });
    await ipc.get('files:open-dialog')?.(trusted);
    // A path that is not local and absolute, or was never opened, is skipped and reported.
    expect(
      await ipc.get('files:watch')?.(trusted, [
        watched,
        planted,
        'relative.txt',
        '\\\\attacker\\share\\x.txt',
      ]),
    ).toEqual({
      ok: true,
      value: {
        skipped: [
          { path: planted, problem: 'was not opened in Claimmark on this machine' },
          { path: 'relative.txt', problem: 'is not an absolute path' },
          { path: '\\\\attacker\\share\\x.txt', problem: 'is a network (UNC) path' },
        ],
      },
    });
    const contents = fake.calls.windows[0]?.webContents;
    const changes = () => contents?.sent.filter(([channel]) => channel === 'files:changed') ?? [];
    await new Promise((r) => setTimeout(r, 50)); // the watcher's first stat
    await writeFile(watched, 'second, longer');
    await writeFile(planted, 'second, longer');
    await vi.waitFor(() => expect(changes()).toEqual([['files:changed', watched]]), {
      timeout: 5000,
    });

    // Quitting closes the watchers: later writes are not reported.
    fake.appEvents.emit('will-quit', { preventDefault: vi.fn() });
    await writeFile(watched, 'third');
    await new Promise((r) => setTimeout(r, 700));
    expect(changes()).toHaveLength(1);
  });

  it('quitting just after a file was opened waits until the grant is saved', async () => {
    const late = path.join(root, 'late.txt');
    await writeFile(late, 'late');
    const quit = vi.spyOn(fake.electron.app, 'quit');
    // A second launch hands over a file, and the user quits at once.
    fake.appEvents.emit('second-instance', {}, ['claimmark'], root, { files: [late] });
    const event = { preventDefault: vi.fn() };
    fake.appEvents.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    const store = path.join(root, 'profile', 'granted-files.json');
    const saved = JSON.parse(await readFile(store, 'utf8')) as { files: { path: string }[] };
    expect(saved.files.map((f) => f.path)).toContain(late);
  });
});
