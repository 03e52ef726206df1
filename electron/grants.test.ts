import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileGrants, GRANTS_FILE_NAME, NOT_OPENED_HERE, type GrantsOptions } from './grants';

let dir: string;
let store: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimmark-grants-'));
  store = path.join(dir, 'profile', GRANTS_FILE_NAME);
  await mkdir(path.dirname(store));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const quiet = { log: () => undefined };
const newRun = (options: GrantsOptions = {}) =>
  new FileGrants({ file: store, ...quiet, ...options });

async function tmpFile(name: string, text = name): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('FileGrants in one run', () => {
  it('knows only what was granted, after normalising the path', async () => {
    const grants = newRun();
    const a = await tmpFile('a.txt');
    expect(grants.lookup(a)).toBeNull();
    grants.grant([a]);
    expect(grants.lookup(a)).toBe(a);
    expect(grants.lookup(path.join(dir, '.', 'sub', '..', 'a.txt'))).toBe(a);
    expect(grants.lookup(path.join(dir, 'b.txt'))).toBeNull();
    expect(grants.lookup('/etc/passwd')).toBeNull();
    await grants.flush();
  });

  it('hands back the path as granted, not the spelling asked for', async () => {
    const grants = newRun();
    const a = await tmpFile('a.txt');
    await mkdir(path.join(dir, 'real', 'deep'), { recursive: true });
    await symlink(path.join(dir, 'real', 'deep'), path.join(dir, 'link'));
    grants.grant([a]);
    // The OS would follow the link first: <dir>/real/a.txt, not <dir>/a.txt.
    const tricky = `${dir}/link/../a.txt`;
    expect(grants.lookup(tricky)).toBe(a);
    await grants.flush();
  });

  it('compares Windows paths case-insensitively, POSIX paths exactly', () => {
    const win = new FileGrants({ platform: 'win32' });
    win.grant(['C:\\News\\Report.TXT']);
    expect(win.lookup('c:\\news\\report.txt')).toBe('C:\\News\\Report.TXT');
    expect(win.lookup('C:/News/./Report.TXT')).toBe('C:\\News\\Report.TXT');
    expect(win.lookup('C:\\News\\Other.txt')).toBeNull();
    const posix = new FileGrants({ platform: 'linux' });
    posix.grant(['/news/Report.txt']);
    expect(posix.lookup('/news/report.txt')).toBeNull();
  });

  it('never grants a network, device or relative path', () => {
    const win = new FileGrants({ platform: 'win32' });
    win.grant(['\\\\attacker\\share\\x.txt', '\\\\.\\pipe\\p', 'relative.txt']);
    expect(win.lookup('\\\\attacker\\share\\x.txt')).toBeNull();
    expect(win.lookup('\\\\.\\pipe\\p')).toBeNull();
    expect(win.lookup('relative.txt')).toBeNull();
  });
});

describe('FileGrants across a restart', () => {
  it('grants again a remembered file that the library watches, and nothing else', async () => {
    const first = newRun();
    const opened = await tmpFile('opened.txt');
    first.grant([opened]);
    await first.flush();

    const second = newRun();
    const never = await tmpFile('never.txt');
    // Nothing is readable until the renderer names its library's files.
    expect(second.lookup(opened)).toBeNull();
    expect(await second.regrant([opened, never, '/etc/passwd'])).toEqual({
      granted: [opened],
      refused: [
        { path: never, problem: NOT_OPENED_HERE },
        { path: '/etc/passwd', problem: NOT_OPENED_HERE },
      ],
    });
    expect(second.lookup(opened)).toBe(opened);
    expect(second.lookup(never)).toBeNull();
  });

  it('does not grant again a remembered path that is gone or is no longer a regular file', async () => {
    const first = newRun();
    const gone = await tmpFile('gone.txt');
    const nowDir = await tmpFile('now-a-folder.txt');
    first.grant([gone, nowDir]);
    await first.flush();
    await rm(gone);
    await rm(nowDir);
    await mkdir(nowDir);

    const second = newRun();
    const { granted, refused } = await second.regrant([gone, nowDir]);
    expect(granted).toEqual([]);
    expect(refused.map((r) => r.problem)).toEqual([
      'is missing or not a regular file now',
      'is missing or not a regular file now',
    ]);
    expect(second.lookup(gone)).toBeNull();
  });

  it('saves the file atomically as JSON in the profile, with what was granted', async () => {
    const grants = newRun();
    const a = await tmpFile('a.txt');
    grants.grant([a]);
    expect(grants.unsaved).toBe(true);
    await grants.flush();
    expect(grants.unsaved).toBe(false);
    const saved = JSON.parse(await readFile(store, 'utf8')) as { files: { path: string }[] };
    expect(saved.files.map((f) => f.path)).toEqual([a]);
  });

  it('keeps what was remembered when a grant comes before the file is loaded', async () => {
    const first = newRun();
    const old = await tmpFile('old.txt');
    first.grant([old]);
    await first.flush();
    const second = newRun();
    const fresh = await tmpFile('fresh.txt');
    second.grant([fresh]); // at once, while loading
    await second.flush();
    const third = newRun();
    expect((await third.regrant([old, fresh])).granted).toEqual([old, fresh]);
  });

  it('forgets the least recently used paths beyond the limit', async () => {
    let now = 0;
    const day = 24 * 60 * 60 * 1000;
    const files = await Promise.all(['1.txt', '2.txt', '3.txt'].map((n) => tmpFile(n)));
    const first = newRun({ maxRemembered: 2, now: () => now });
    first.grant([files[0] as string]);
    now += day;
    first.grant([files[1] as string]);
    now += day;
    // Watched (used) today: 1.txt is no longer the oldest.
    await first.regrant([files[0] as string]);
    first.grant([files[2] as string]);
    await first.flush();
    const second = newRun({ maxRemembered: 2, now: () => now });
    expect((await second.regrant(files)).granted).toEqual([files[0], files[2]]);
  });

  it('starts afresh from a damaged file, and does not overwrite one it cannot read', async () => {
    await writeFile(store, '{ not json');
    const log = vi.fn();
    const damaged = newRun({ log });
    const a = await tmpFile('a.txt');
    damaged.grant([a]);
    await damaged.flush();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('is damaged'));
    expect(JSON.parse(await readFile(store, 'utf8'))).toMatchObject({ files: [{ path: a }] });

    const writeFileSpy = vi.fn(async () => undefined);
    const unreadable = newRun({
      readFile: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
      writeFile: writeFileSpy,
    });
    unreadable.grant([a]);
    await unreadable.flush();
    expect(writeFileSpy).not.toHaveBeenCalled();
    expect(unreadable.lookup(a)).toBe(a); // still readable in this run
  });

  it('ignores remembered entries that are not local absolute paths', async () => {
    const kept = await tmpFile('kept.txt');
    await writeFile(
      store,
      JSON.stringify({
        format: 'claimmark-granted-files',
        version: 1,
        files: [
          { path: '//attacker/share/x.txt', day: 1 },
          { path: 'rel.txt' },
          42,
          { path: kept },
        ],
      }),
    );
    const grants = newRun();
    expect((await grants.regrant([kept])).granted).toEqual([kept]);
    grants.grant([await tmpFile('new.txt')]);
    await grants.flush();
    const saved = JSON.parse(await readFile(store, 'utf8')) as { files: { path: string }[] };
    expect(saved.files.map((f) => path.basename(f.path))).toEqual(['kept.txt', 'new.txt']);
  });
});
