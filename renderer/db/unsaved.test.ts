import { describe, expect, it } from 'vitest';
import { UnsavedChanges, type UnsavedState } from './unsaved';

/** Timers the test fires by hand, so a retry round runs exactly when it says. */
function manualTimers() {
  const due: (() => void)[] = [];
  return {
    timers: {
      set: (run: () => void) => due.push(run),
      clear: () => due.splice(0),
    },
    fire: () => due.splice(0).forEach((run) => run()),
    pending: () => due.length,
  };
}

const full = () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));

function setup() {
  const states: UnsavedState[] = [];
  const clock = manualTimers();
  const held = new UnsavedChanges((s) => states.push(s), 5000, clock.timers);
  const listed = () => {
    const last = states.at(-1);
    return last?.phase === 'failing' ? last.changes.map((c) => c.what) : last?.phase;
  };
  return { held, clock, states, listed };
}

describe('UnsavedChanges', () => {
  it('keeps one entry per key, with the newest value, however many keystrokes fail', () => {
    const { held, listed } = setup();
    for (const note of ['a', 'ab', 'abc']) held.add({ key: 'note:1', what: note, retry: full });
    held.add({ key: 'tag:2', what: '“quote”', retry: full });
    expect(listed()).toEqual(['abc', '“quote”']);
    expect(held.size).toBe(2);
  });

  it('writes held changes again on its timer until space returns, then says so once', async () => {
    const { held, clock, listed, states } = setup();
    let space = false;
    const writes: string[] = [];
    const write = (v: string) => () => (space ? Promise.resolve(writes.push(v)) : full());
    held.add({ key: 'note:1', what: 'the note', retry: write('note') });
    held.add({ key: 'tag:2', what: 'the tag', retry: write('tag') });
    expect(clock.pending()).toBe(1);
    await held.retryNow();
    expect(listed()).toEqual(['the note', 'the tag']);
    expect(clock.pending()).toBe(1);
    space = true;
    clock.fire();
    await held.retryNow();
    expect(writes).toEqual(['note', 'tag']);
    expect(states.at(-1)).toEqual({ phase: 'recovered', saved: 2 });
    expect(clock.pending()).toBe(0);
  });

  it('stops a round at the first write that still fails', async () => {
    const { held } = setup();
    let tried = 0;
    const count = () => {
      tried++;
      return full();
    };
    held.add({ key: 'a', what: 'a', retry: count });
    held.add({ key: 'b', what: 'b', retry: count });
    await held.retryNow();
    expect(tried).toBe(1);
  });

  it('keeps a newer value typed while the older one was being retried', async () => {
    const { held, listed } = setup();
    let land: () => void = () => {};
    held.add({
      key: 'note:1',
      what: 'old',
      retry: () => new Promise<void>((resolve) => (land = resolve)),
    });
    const round = held.retryNow();
    held.add({ key: 'note:1', what: 'new', retry: full });
    land();
    await round;
    expect(listed()).toEqual(['new']);
  });

  it('forgets a change a later write stored by itself', () => {
    const { held, states } = setup();
    held.add({ key: 'note:1', what: 'the note', retry: full });
    held.settle('note:1');
    expect(states.at(-1)).toEqual({ phase: 'recovered', saved: 1 });
    held.settle('note:1');
    expect(states).toHaveLength(2);
  });

  it('reports a change with nothing to retry once, and then lets it go without claiming it saved', async () => {
    const { held, states } = setup();
    held.add({ key: 'undo', what: 'an undo' });
    await held.retryNow();
    expect(states.at(-1)).toEqual({ phase: 'recovered', saved: 0 });
  });
});
