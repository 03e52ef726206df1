import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePathsFromArgv, filesFromSecondInstanceData } from './argv';

const cwd = '/home/ana/news';
const packaged = { defaultApp: false, cwd, pathApi: path.posix };
const dev = { defaultApp: true, cwd, pathApi: path.posix };

describe('filePathsFromArgv', () => {
  it('packaged: everything after the executable that is not a switch', () => {
    expect(
      filePathsFromArgv(
        ['/opt/Claimmark/claimmark', '--no-sandbox', 'a.txt', '/abs/b.md', '--flag=x', '../c.txt'],
        packaged,
      ),
    ).toEqual(['/home/ana/news/a.txt', '/abs/b.md', '/home/ana/c.txt']);
  });

  it('development: skips the app path, even after switches (Playwright adds some)', () => {
    expect(
      filePathsFromArgv(
        ['/x/electron', '--inspect=0', '--remote-debugging-port=0', '.', 'article.txt'],
        dev,
      ),
    ).toEqual(['/home/ana/news/article.txt']);
    expect(filePathsFromArgv(['/x/electron', 'dist-electron/main.cjs'], dev)).toEqual([]);
  });

  it('nothing to open', () => {
    expect(filePathsFromArgv(['/opt/Claimmark/claimmark'], packaged)).toEqual([]);
    expect(filePathsFromArgv([], packaged)).toEqual([]);
  });

  it('skips macOS process serial numbers and Chromium switches', () => {
    expect(
      filePathsFromArgv(
        [
          '/Applications/Claimmark.app/Contents/MacOS/Claimmark',
          '-psn_0_12345',
          '--original-process-start-time=1',
        ],
        packaged,
      ),
    ).toEqual([]);
  });

  it('turns file:// URLs into paths and drops other URLs', () => {
    expect(
      filePathsFromArgv(
        [
          'claimmark',
          'file:///home/ana/%E6%96%B0%E9%97%BB.txt',
          'https://example.com/x.txt',
          'file://%%',
        ],
        packaged,
      ),
    ).toEqual(['/home/ana/新闻.txt']);
  });

  it('takes arguments after -- literally, removes duplicates and blanks', () => {
    expect(
      filePathsFromArgv(
        ['claimmark', 'a.txt', '', './a.txt', '--', '-dash.txt', '--x.txt'],
        packaged,
      ),
    ).toEqual(['/home/ana/news/a.txt', '/home/ana/news/-dash.txt', '/home/ana/news/--x.txt']);
  });

  it('resolves Windows paths with Windows rules', () => {
    expect(
      filePathsFromArgv(['C:\\Claimmark\\Claimmark.exe', 'a.txt', 'D:\\news\\b.txt'], {
        defaultApp: false,
        cwd: 'C:\\Users\\ana',
        pathApi: path.win32,
      }),
    ).toEqual(['C:\\Users\\ana\\a.txt', 'D:\\news\\b.txt']);
  });
});

describe('filesFromSecondInstanceData', () => {
  it('accepts { files: string[] }', () => {
    expect(filesFromSecondInstanceData({ files: ['/a.txt', ''] })).toEqual(['/a.txt']);
    expect(filesFromSecondInstanceData({ files: [] })).toEqual([]);
  });

  it.each([null, undefined, 'x', {}, { files: 'a' }, { files: [1] }])('rejects %j', (data) => {
    expect(filesFromSecondInstanceData(data)).toBeNull();
  });
});
