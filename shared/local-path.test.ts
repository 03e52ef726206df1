import { describe, expect, it } from 'vitest';
import { isLocalAbsolutePath, pathProblem } from './local-path';

describe('local absolute paths', () => {
  it.each([
    '/home/li/news.txt',
    'C:\\Users\\li\\news.txt',
    'c:/Users/li/新闻.txt',
    '/Volumes/USB/a.txt',
  ])('accepts %s', (p) => expect(isLocalAbsolutePath(p)).toBe(true));

  it.each([
    ['\\\\attacker\\share\\a.txt', 'is a network (UNC) path'],
    ['//attacker/share/a.txt', 'is a network (UNC) path'],
    ['\\/attacker/share', 'is a network (UNC) path'],
    ['\\\\?\\C:\\Windows\\a.txt', 'is a device path'],
    ['\\\\.\\pipe\\x', 'is a device path'],
    ['//?/C:/a.txt', 'is a device path'],
    ['news.txt', 'is not an absolute path'],
    ['..\\news.txt', 'is not an absolute path'],
    ['/home/li/a\0.txt', 'contains NUL'],
  ])('refuses %j: it %s', (p, why) => expect(pathProblem(p)).toBe(why));
});
