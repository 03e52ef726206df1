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
});
