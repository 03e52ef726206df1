import { describe, expect, it } from 'vitest';
import { toggleCategory } from './use-annotation-actions';

describe('toggleCategory', () => {
  it('adds a category the annotation does not have, at the end', () => {
    expect(toggleCategory(['stat'], 'policy')).toEqual(['stat', 'policy']);
    expect(toggleCategory([], 'stat')).toEqual(['stat']);
  });

  it('removes a category the annotation has when others remain', () => {
    expect(toggleCategory(['stat', 'policy', 'quote'], 'policy')).toEqual(['stat', 'quote']);
  });

  it('keeps the last category: an annotation is never left without one by a toggle', () => {
    expect(toggleCategory(['stat'], 'stat')).toEqual(['stat']);
  });

  it('does not change the array it was given', () => {
    const ids = ['stat', 'policy'];
    const frozen = Object.freeze([...ids]);
    expect(toggleCategory(frozen, 'policy')).toEqual(['stat']);
    expect(toggleCategory(frozen, 'quote')).toEqual(['stat', 'policy', 'quote']);
    expect(frozen).toEqual(ids);
    const single = ['stat'];
    expect(toggleCategory(single, 'stat')).not.toBe(single);
  });
});
