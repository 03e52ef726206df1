// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftField, SAVE_DELAY_MS } from './DraftField';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function field() {
  const onChange = vi.fn();
  const onDone = vi.fn();
  render(
    <DraftField
      label="Note"
      value=""
      multiline
      savingLabel="Saving…"
      onChange={onChange}
      onDone={onDone}
    />,
  );
  const box = screen.getByLabelText('Note') as HTMLTextAreaElement;
  const type = (text: string) => {
    for (let i = 1; i <= text.length; i++)
      fireEvent.change(box, { target: { value: text.slice(0, i) } });
  };
  return { box, type, onChange, onDone };
}

describe('DraftField', () => {
  it('coalesces a burst of keystrokes into one write within the save delay', () => {
    const { box, type, onChange } = field();
    fireEvent.focus(box);
    type('核对统计公报');
    expect(onChange).not.toHaveBeenCalled();
    expect(box.getAttribute('aria-busy')).toBe('true');
    act(() => vi.advanceTimersByTime(SAVE_DELAY_MS));
    expect(onChange.mock.calls).toEqual([['核对统计公报']]);
    expect(box.getAttribute('aria-busy')).toBe('false');
  });

  it('never waits longer than the delay, however fast the typing', () => {
    const { type, onChange } = field();
    type('ab');
    act(() => vi.advanceTimersByTime(SAVE_DELAY_MS - 1));
    type('abcd');
    act(() => vi.advanceTimersByTime(1));
    expect(onChange.mock.calls).toEqual([['abcd']]);
  });

  it('saves at once on blur, when the window is hidden or closed, and when the field goes', () => {
    const { box, type, onChange, onDone } = field();
    type('一');
    fireEvent.blur(box);
    expect(onChange.mock.calls.at(-1)).toEqual(['一']);
    expect(onDone).toHaveBeenCalled();
    type('一二');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(onChange.mock.calls.at(-1)).toEqual(['一二']);
    type('一二三');
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(onChange.mock.calls.at(-1)).toEqual(['一二三']);
    type('一二三四');
    cleanup();
    expect(onChange.mock.calls.at(-1)).toEqual(['一二三四']);
    expect(onChange).toHaveBeenCalledTimes(4);
  });
});
