// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeProvider, useNotices } from './notices';

afterEach(cleanup);

function withNotices() {
  let api: ReturnType<typeof useNotices> | null = null;
  function Grab() {
    api = useNotices();
    return null;
  }
  render(
    <NoticeProvider>
      <Grab />
    </NoticeProvider>,
  );
  if (!api) throw new Error('no notice API');
  return api as ReturnType<typeof useNotices>;
}

describe('notices', () => {
  it('update one notice in place for one condition, however often it is reported', () => {
    const { notify } = withNotices();
    act(() => {
      for (let i = 1; i <= 22; i++)
        notify('error', `Not saved yet: ${i} keystrokes`, { key: 'quota' });
    });
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.textContent).toContain('22 keystrokes');
  });

  it('stack notices without a key, and take a keyed one away on request', () => {
    const { notify, withdraw } = withNotices();
    act(() => {
      notify('error', 'first file was refused');
      notify('error', 'second file was refused');
      notify('error', 'disk full', { key: 'quota' });
    });
    expect(screen.getAllByRole('alert')).toHaveLength(3);
    act(() => withdraw('quota'));
    expect(screen.getAllByRole('alert').map((n) => n.textContent)).toEqual([
      expect.stringContaining('first'),
      expect.stringContaining('second'),
    ]);
  });

  it('keep a notice open after an action that updates it', () => {
    const { notify } = withNotices();
    let runs = 0;
    act(() =>
      notify('error', 'disk full', {
        key: 'quota',
        actions: [
          { label: 'Try again', keepOpen: true, run: () => runs++ },
          { label: 'Other', run: () => {} },
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(runs).toBe(1);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Other' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('never push out a notice kept until dismissed, however many fading ones follow', () => {
    const { notify } = withNotices();
    act(() => {
      notify('info', '“a.txt”: 2 byte sequences could not be decoded', { sticky: true });
      for (let i = 0; i < 6; i++) notify('info', `Imported file ${i}`);
    });
    const shown = screen.getAllByRole('status').map((n) => n.textContent);
    expect(shown[0]).toContain('a.txt');
    expect(shown).toHaveLength(5);
  });
});
