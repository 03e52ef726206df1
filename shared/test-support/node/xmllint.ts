import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Validation against the official REFI-QDA schemas with `xmllint --schema`
 * (Debian: libxml2-utils). The schemas live beside the repository, in
 * `../shared/schemas/refi-qda/`; a fresh clone without them, or a machine
 * without xmllint, cannot validate, and says why (`unavailable`).
 */
export const SCHEMA_DIR = path.resolve(__dirname, '../../../../shared/schemas/refi-qda');

function why(): string | null {
  if (!existsSync(path.join(SCHEMA_DIR, 'Project.xsd')))
    return `the REFI-QDA schemas are not at ${SCHEMA_DIR}`;
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) return 'xmllint is not installed (Debian package libxml2-utils)';
  return null;
}

export const unavailable = why();
if (unavailable) console.warn(`[refi-qda] schema validation skipped: ${unavailable}`);

/** Validates `xml` against `schema` ('Project.xsd' or 'Codebook.xsd'); returns xmllint's complaints, or "". */
export function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'refi-'));
  const file = path.join(dir, 'file.xml');
  try {
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, schema), file], {
      stdio: 'pipe',
    });
    return '';
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    return stderr.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
