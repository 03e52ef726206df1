// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftField } from './DraftField';

afterEach(cleanup);

/** A field whose writes land only when the test says so, as a busy database's do. */
function field() {
  const writes: { value: string; land(): void }[] = [];
  const onChange = vi.fn(
    (value: string) => new Promise<void>((resolve) => writes.push({ value, land: resolve })),
  );
  render(
    <DraftField
      label="Note"
      value=""
      multiline
      savingLabel="Saving…"
      onChange={onChange}
      onDone={() => {}}
    />,
  );
  const box = screen.getByLabelText('Note') as HTMLTextAreaElement;
  const type = (text: string) => {
    for (let i = 1; i <= text.length; i++)
      fireEvent.change(box, { target: { value: text.slice(0, i) } });
  };
  const land = async () => act(async () => writes.at(-1)?.land());
  return { box, type, writes, land };
}

describe('DraftField', () => {
  it('writes the first keystroke at once', () => {
    const { type, writes } = field();
    type('核');
    expect(writes.map((w) => w.value)).toEqual(['核']);
  });

  it('holds keystrokes typed during a write and writes them together when it lands', async () => {
    const { box, type, writes, land } = field();
    type('核对统计公报');
    // One write on its way, none queued behind it.
    expect(writes.map((w) => w.value)).toEqual(['核']);
    expect(box.getAttribute('aria-busy')).toBe('true');
    await land();
    expect(writes.map((w) => w.value)).toEqual(['核', '核对统计公报']);
    await land();
    expect(writes).toHaveLength(2);
    expect(box.getAttribute('aria-busy')).toBe('false');
  });

  it('still writes what was held when the field goes before the write lands', async () => {
    const { type, writes, land } = field();
    type('一二三');
    cleanup();
    await land();
    expect(writes.map((w) => w.value)).toEqual(['一', '一二三']);
  });

  it('follows a note changed in another window when nothing typed here waits to be saved', () => {
    const onChange = vi.fn(async () => 'saved' as const);
    const props = { label: 'Note', onChange, onDone: () => {} };
    const { rerender } = render(<DraftField {...props} value="mine" />);
    const box = screen.getByLabelText('Note') as HTMLInputElement;
    fireEvent.focus(box);
    rerender(<DraftField {...props} value="theirs" />);
    expect(box.value).toBe('theirs');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks before keystrokes still on their way overwrite a note another window changed', async () => {
    const writes: { next: string; stored: string; land(): void }[] = [];
    const onChange = vi.fn(
      (next: string, stored: string) =>
        new Promise<'saved'>((resolve) =>
          writes.push({ next, stored, land: () => resolve('saved') }),
        ),
    );
    const props = { label: 'Note', multiline: true, onChange, onDone: () => {} };
    const { rerender } = render(<DraftField {...props} value="" />);
    const box = screen.getByLabelText('Note') as HTMLTextAreaElement;
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'm' } });
    fireEvent.change(box, { target: { value: 'mine' } });
    // The other window's note arrives while 'mine' waits behind the first write.
    rerender(<DraftField {...props} value="theirs" />);
    expect(screen.getByRole('alert').textContent).toMatch(/changed in another window/);
    await act(async () => writes[0]?.land());
    expect(writes.map((w) => w.next)).toEqual(['m']);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Keep mine' })));
    // Written over the other version knowingly: the write expects what is stored now.
    expect(writes.at(-1)).toMatchObject({ next: 'mine', stored: 'theirs' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes the other version when asked, and writes nothing more', async () => {
    const writes: (() => void)[] = [];
    const onChange = vi.fn(
      () => new Promise<'saved'>((resolve) => writes.push(() => resolve('saved'))),
    );
    const props = { label: 'Note', onChange, onDone: () => {} };
    const { rerender } = render(<DraftField {...props} value="" />);
    const box = screen.getByLabelText('Note') as HTMLInputElement;
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'm' } });
    fireEvent.change(box, { target: { value: 'mi' } });
    rerender(<DraftField {...props} value="theirs" />);
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Use the other one' })),
    );
    await act(async () => writes[0]?.());
    expect(box.value).toBe('theirs');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('shows the conflict the store found when the other note came in unseen', async () => {
    const onChange = vi.fn(async () => 'conflict' as const);
    render(<DraftField label="Note" value="old" onChange={onChange} onDone={() => {}} />);
    const box = screen.getByLabelText('Note') as HTMLInputElement;
    fireEvent.focus(box);
    await act(async () => fireEvent.change(box, { target: { value: 'old+' } }));
    expect(screen.getByRole('alert').textContent).toMatch(/changed in another window/);
    expect(box.value).toBe('old+');
  });

  it('marks text the disk had no room for until it is stored', async () => {
    const onChange = vi.fn(async () => 'unsaved' as const);
    const props = { label: 'Note', onChange, onDone: () => {} };
    const { rerender } = render(<DraftField {...props} value="" />);
    const box = screen.getByLabelText('Note') as HTMLInputElement;
    fireEvent.focus(box);
    await act(async () => fireEvent.change(box, { target: { value: '待核实' } }));
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not saved')).toBeTruthy();
    // The held change is written on retry and comes back as the stored value.
    rerender(<DraftField {...props} value="待核实" />);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Not saved')).toBeNull();
  });
});
