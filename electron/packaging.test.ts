import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OPENABLE_EXTENSIONS } from './files';

const config = parse(
  readFileSync(fileURLToPath(new URL('../build/electron-builder.yml', import.meta.url)), 'utf8'),
) as Record<string, unknown>;

// The names electron-builder's own schema knows: a misspelt key would be ignored
// and leave its fuse at Electron's default.
const schema = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../node_modules/app-builder-lib/scheme.json', import.meta.url)),
    'utf8',
  ),
) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
const KNOWN = Object.keys(schema.definitions.FuseOptionsV1.properties);

describe('electron-builder configuration', () => {
  it('turns the fuses an attacker could use off, and integrity checks on', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    for (const key of Object.keys(config['electronFuses'] as object)) expect(KNOWN).toContain(key);
  });

  it('packs the app into an asar, which the integrity fuses need', () => {
    expect(config['asar']).toBe(true);
  });

  it('offers "Open with Claimmark" for every format the library opens', () => {
    const exts = (config['fileAssociations'] as { ext: string | string[] }[]).flatMap((a) => a.ext);
    expect(exts).toEqual(expect.arrayContaining([...OPENABLE_EXTENSIONS]));
  });
});
