import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps whether a document was shown; each test gets a fresh copy.
const load = async () => {
  vi.resetModules();
  return import('./first-document');
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('afterFirstDocument', () => {
  it('waits for the first document to be painted and counted, then runs once', async () => {
    const { afterFirstDocument, firstDocumentShown, firstDocumentCounted } = await load();
    const run = vi.fn();
    afterFirstDocument(run, 1500);
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    firstDocumentShown();
    vi.advanceTimersByTime(0);
    // Painted, its records not yet counted: still waiting.
    expect(run).not.toHaveBeenCalled();
    firstDocumentCounted();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000); // the fallback does not run it again
    firstDocumentShown();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for the paint too when the records are counted first', async () => {
    const { afterFirstDocument, firstDocumentShown, firstDocumentCounted } = await load();
    const run = vi.fn();
    afterFirstDocument(run, 1500);
    firstDocumentCounted();
    vi.advanceTimersByTime(0);
    expect(run).not.toHaveBeenCalled();
    firstDocumentShown();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs after the fallback when no document opens', async () => {
    const { afterFirstDocument } = await load();
    const run = vi.fn();
    afterFirstDocument(run, 1500);
    vi.advanceTimersByTime(1499);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once once a document has been shown', async () => {
    const { afterFirstDocument, firstDocumentShown, firstDocumentCounted } = await load();
    firstDocumentShown();
    firstDocumentCounted();
    const run = vi.fn();
    afterFirstDocument(run, 1500);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
