import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../db/instance';
import { askLanguage, LANGUAGE_SETTING, languageAtStart } from './language-at-start';

afterAll(() => db.delete());

describe('the language a start draws in', () => {
  it('is unknown until asked, then there to read at once; none set is null', async () => {
    expect(languageAtStart()).toBeUndefined();
    await db.settings.put({ key: LANGUAGE_SETTING, value: 'zh' });
    const asked = askLanguage();
    expect(languageAtStart()).toBeUndefined();
    expect(await asked).toBe('zh');
    expect(languageAtStart()).toBe('zh');
    await db.settings.delete(LANGUAGE_SETTING);
    expect(await askLanguage()).toBeNull();
    expect(languageAtStart()).toBeNull();
  });
});
