import { describe, expect, it } from 'vitest';
import { forgetTextRead, textRead, whenTextRead } from './text-read';

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('whenTextRead', () => {
  it("resolves when that document's text is read, not another's", async () => {
    const waiting = whenTextRead('d1');
    textRead('d2');
    expect(await settled(waiting)).toBe(false);
    textRead('d1');
    expect(await settled(waiting)).toBe(true);
  });

  it('resolves at once for the text read last, and waits again once another is read', async () => {
    textRead('d3');
    expect(await settled(whenTextRead('d3'))).toBe(true);
    textRead('d4');
    expect(await settled(whenTextRead('d3'))).toBe(false);
  });

  it('forgets the waits of a document closed before its text came', async () => {
    const waiting = whenTextRead('d5');
    forgetTextRead('d5');
    textRead('d5');
    expect(await settled(waiting)).toBe(false);
  });
});
