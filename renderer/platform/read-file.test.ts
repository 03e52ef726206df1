import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/file-errors';
import { readBrowserFile } from './read-file';

describe('readBrowserFile', () => {
  it('reads the bytes of a file the user picked', async () => {
    const result = await readBrowserFile(new File([new Uint8Array([0xe4, 0xb8, 0xad])], '中.txt'));
    expect(result).toEqual({
      ok: true,
      file: { name: '中.txt', bytes: new Uint8Array([0xe4, 0xb8, 0xad]) },
    });
  });

  it('refuses a file over 64 MB without reading it, naming it and its size', async () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'scan.txt');
    let read = false;
    Object.defineProperty(big, 'arrayBuffer', {
      value: () => ((read = true), Promise.reject(new Error('read'))),
    });
    const result = await readBrowserFile(big);
    expect(result).toEqual({
      ok: false,
      error: { name: 'scan.txt', code: 'too-large', detail: String(MAX_FILE_BYTES + 1) },
    });
    expect(read).toBe(false);
  });

  it('reports a file that cannot be read, with the reason', async () => {
    const gone = new File(['x'], 'gone.txt');
    Object.defineProperty(gone, 'arrayBuffer', {
      value: () => Promise.reject(new Error('NotFoundError')),
    });
    expect(await readBrowserFile(gone)).toEqual({
      ok: false,
      error: { name: 'gone.txt', code: 'unreadable', detail: 'NotFoundError' },
    });
  });
});
