import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ClaimmarkDB, SCHEMA_V7 } from './db';
import { isClosedError, onConnectionLost, watchConnection } from './connection';

/** The next release: one schema version more. */
const NEXT = 8;
class NewerDB extends ClaimmarkDB {
  constructor(name: string) {
    super(name);
    this.version(NEXT).stores({ ...SCHEMA_V7, extra: 'id' });
  }
}

describe('two windows on one library', () => {
  it('an older window lets a newer one upgrade, and says once that it must reload', async () => {
    const name = `conn-${crypto.randomUUID()}`;
    const old = new ClaimmarkDB(name);
    watchConnection(old, () => {});
    await old.open();
    let told = 0;
    const stop = onConnectionLost(() => told++);
    const newer = new NewerDB(name);
    await newer.open();
    expect(newer.verno).toBe(NEXT);
    expect(told).toBe(1);
    // Every later edit in the old window fails with an error the app recognises.
    const edit = old.settings.put({ key: 'language', value: 'en' });
    await expect(edit).rejects.toSatisfy(isClosedError);
    stop();
    newer.close();
  });

  it('a window whose upgrade waits on an older one that holds on is told why', async () => {
    const name = `conn-${crypto.randomUUID()}`;
    // An old version without the handler: it keeps the library open.
    const stubborn = new ClaimmarkDB(name);
    stubborn.on('versionchange', () => false);
    await stubborn.open();
    const newer = new NewerDB(name);
    let blocked = 0;
    watchConnection(newer, () => blocked++);
    const opening = newer.open();
    await expect.poll(() => blocked).toBe(1);
    // Once the other window goes, the upgrade runs.
    stubborn.close();
    await opening;
    expect(newer.verno).toBe(NEXT);
    newer.close();
  });
});
