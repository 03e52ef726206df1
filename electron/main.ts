/**
 * Claimmark's main process: app identity and profile, single instance, the
 * app:// scheme, network and permission lockdown, the window, the menu and
 * IPC. Logic lives in the imported modules; this file only wires Electron.
 */
import { app, dialog, Menu, protocol, session, type BrowserWindow } from 'electron';
import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { APP_SCHEME, createAppRequestHandler } from './app-protocol';
import { filePathsFromArgv, filesFromSecondInstanceData, type SecondInstanceData } from './argv';
import { chooseFiles, chooseFolder, type DialogApi } from './dialogs';
import { sendEvent } from './events';
import { listTextFiles, readFiles, readTextFolder } from './files';
import { FileGrants, GRANTS_FILE_NAME } from './grants';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { LaunchFileQueue } from './launch-files';
import { buildMenuTemplate } from './menu';
import { appendOfflineSwitches, restrictWebRtc, routeThroughDeadProxy } from './network-lockdown';
import { APP_NAME, userDataPath } from './paths';
import { isAllowedRequestUrl, urlForLog } from './policy';
import { FileWatcher } from './watch';
import { createMainWindow, focusWindow, hardenWebContents } from './window';

// --- Before anything else: who we are and where our data lives. -------------
// The user-data path is pinned so the library never moves with a rename.
// CLAIMMARK_USER_DATA_DIR (see paths.ts) overrides it: the e2e tests point it
// at a fresh temporary folder per test. It must be set before the
// single-instance lock, which is keyed on this folder.
app.setName(APP_NAME);
app.setPath('userData', userDataPath(process.env, app.getPath('appData'), app.isPackaged));
app.enableSandbox();
// No DNS, no direct connection, no bare WebRTC UDP (network-lockdown.ts):
// switches only count when appended before ready.
appendOfflineSwitches(app.commandLine);

// codeCache: V8 keeps the compiled renderer code between starts (in "Code
// Cache" under the profile), as it does for http(s); compiling the 900 KB the
// window starts with is most of the time before its first frame.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

/** How long quitting waits for the granted files to be saved. */
const QUIT_SAVE_TIMEOUT_MS = 2000;

const log = (...args: unknown[]): void => console.error('[claimmark]', ...args);

const argvFiles = (argv: readonly string[], cwd: string): string[] =>
  filePathsFromArgv(argv, { defaultApp: process.defaultApp === true, cwd });

const initialFiles = argvFiles(process.argv, process.cwd());
const lockData: SecondInstanceData = { files: initialFiles };

if (!app.requestSingleInstanceLock(lockData)) {
  // Another Claimmark owns this profile; it received our files. Bow out.
  app.quit();
} else {
  start(initialFiles);
}

function start(files: string[]): void {
  let mainWindow: BrowserWindow | null = null;
  const rendererRoot = path.join(__dirname, '..', 'dist', 'renderer');
  // What the renderer may read: the files the user gave to Claimmark here.
  const grants = new FileGrants({
    file: path.join(app.getPath('userData'), GRANTS_FILE_NAME),
    log,
  });

  const deliverFiles = async (paths: string[]): Promise<void> => {
    // Launch, second-instance, open-file and menu paths: the user chose them.
    grants.grant(paths);
    const results = await readFiles(paths);
    const window = mainWindow;
    if (
      !window ||
      window.isDestroyed() ||
      !sendEvent(window.webContents, 'files:opened', results)
    ) {
      // The window went away meanwhile: keep them for the next one.
      launchFiles.detach();
      launchFiles.add(paths);
      return;
    }
    focusWindow(window);
  };
  const launchFiles = new LaunchFileQueue((paths) => {
    deliverFiles(paths).catch((error: unknown) => log('cannot deliver files:', error));
  });
  launchFiles.add(files);

  const dialogApi: DialogApi = {
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
  };
  // The library's files, watched so the renderer can offer to reload one
  // that changed on disk. The renderer sends the full list ('files:watch').
  const fileWatcher = new FileWatcher({
    watch,
    stat,
    log,
    onChanged: (filePath) => {
      if (mainWindow) sendEvent(mainWindow.webContents, 'files:changed', filePath);
    },
  });

  const handlers = createHandlers({
    dialog: dialogApi,
    launchFiles,
    grants,
    defaultSaveDir: () => app.getPath('documents'),
    watchFiles: (paths) => fileWatcher.setPaths(paths),
    userName: () => os.userInfo().username,
  });

  const openWindow = (): void => {
    if (mainWindow) {
      focusWindow(mainWindow);
      return;
    }
    const window = createMainWindow();
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      launchFiles.detach();
      // Nobody to tell (macOS keeps running); the next window sends its list.
      fileWatcher.setPaths([]);
    });
  };

  /**
   * Menu ▸ Open… / Open Folder…: the chosen paths join the launch queue, so
   * they reach the renderer as 'files:opened' (or with the launch files if
   * its page is still loading, or via a new window on macOS).
   */
  const openPaths = (paths: string[]): void => {
    if (paths.length === 0) return;
    launchFiles.add(paths);
    openWindow();
  };
  const openFilesFromMenu = async (): Promise<void> => openPaths(await chooseFiles(dialogApi));
  const openFolderFromMenu = async (): Promise<void> => {
    const dir = await chooseFolder(dialogApi);
    if (dir === null) return;
    try {
      openPaths(await listTextFiles(dir));
    } catch {
      // Unlistable folder: one error result naming it (permission, not found…).
      const results = await readTextFolder(dir);
      if (mainWindow) sendEvent(mainWindow.webContents, 'files:opened', results);
    }
  };

  // Registered before `ready`: macOS sends open-file for the files a launch
  // was asked to open before the app has finished launching.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    launchFiles.add([filePath]);
    if (app.isReady()) openWindow();
  });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const paths = filesFromSecondInstanceData(additionalData) ?? argvFiles(argv, workingDirectory);
    launchFiles.add(paths);
    openWindow();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    restrictWebRtc(contents);
  });

  let quitting = false;
  app.on('will-quit', (event) => {
    fileWatcher.closeAll();
    if (quitting || !grants.unsaved) return;
    // Files just opened must still be readable after a restart: save first.
    quitting = true;
    event.preventDefault();
    const timeout = new Promise((resolve) => setTimeout(resolve, QUIT_SAVE_TIMEOUT_MS).unref());
    void Promise.race([grants.flush(), timeout]).finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady()) openWindow();
  });

  app
    .whenReady()
    .then(async () => {
      const ses = session.defaultSession;
      // Offline by construction: only our own bundle and in-page data.
      ses.webRequest.onBeforeRequest((details, callback) => {
        const allowed = isAllowedRequestUrl(details.url);
        if (!allowed) log(`blocked request: ${urlForLog(details.url)}`);
        callback({ cancel: !allowed });
      });
      ses.setPermissionRequestHandler((_contents, permission, callback) => {
        log(`denied permission request: ${permission}`);
        callback(false);
      });
      ses.setPermissionCheckHandler(() => false);
      ses.setDevicePermissionHandler(() => false);
      // Before any page loads. Should it fail, the switches still hold.
      await routeThroughDeadProxy(ses).catch((error: unknown) =>
        log('cannot set the dead proxy:', error),
      );

      protocol.handle(APP_SCHEME, createAppRequestHandler({ root: rendererRoot }));
      registerIpc(handlers);

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate(
            process.platform,
            app.name,
            {
              openFiles: () => {
                openFilesFromMenu().catch((error: unknown) => log('Open failed:', error));
              },
              openFolder: () => {
                openFolderFromMenu().catch((error: unknown) => log('Open Folder failed:', error));
              },
              command: (command) => {
                if (mainWindow) sendEvent(mainWindow.webContents, 'menu:command', command);
              },
            },
            app.isPackaged,
          ),
        ),
      );

      openWindow();
    })
    .catch((error: unknown) => {
      log('startup failed:', error);
      app.exit(1);
    });
}
