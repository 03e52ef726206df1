/** Builders for renderer tests (this folder's and the annotation panel's). */
import type { Annotation, Category, ClaimStatus, DocumentRecord } from '../../shared/types';

export function doc(id: string, title: string, addedAt: string): DocumentRecord {
  return {
    id,
    sha256: `sha-${id}`,
    title,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: 100,
    addedAt,
    reflow: null,
  };
}

export function category(id: string, name: string, order: number, parentId: string | null = null) {
  const c: Category = { id, name, order, parentId, color: '#336699', description: '' };
  return c;
}

export function annotation(
  id: string,
  docId: string,
  start: number,
  extra: Partial<Annotation> & { status?: ClaimStatus } = {},
): Annotation {
  return {
    id,
    docId,
    start,
    end: start + 4,
    quote: `quote ${id}`,
    prefix: '',
    suffix: '',
    categoryIds: [],
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
    ...extra,
  };
}
