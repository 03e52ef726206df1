import type { Annotation } from '../../shared/types';

/** For tests: a plain two-character annotation at `start` (no text behind it). */
export const annotationAt = (id: string, docId: string, start: number): Annotation => ({
  id,
  docId,
  start,
  end: start + 2,
  quote: 'xx',
  prefix: '',
  suffix: '',
  categoryIds: ['c'],
  note: '',
  status: 'unverified',
  speaker: '',
  evidence: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
