/**
 * Annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD; see
 * README ▸ Web Annotations). The `@context` is the standard's IRI, written as
 * a name: nothing is fetched, the app stays offline.
 *
 * Each placed annotation becomes an `Annotation` whose target is its document
 * (`urn:uuid:` + the guid the REFI-QDA export gives it) with a
 * `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
 * (start and end in Unicode code points, end exclusive); bodies are
 * `TextualBody`s: one `tagging` per category, `commenting` for the note,
 * `assessing` for a claim status other than unverified, `describing` for the
 * speaker and the evidence. `creator` is the coder, `created`/`modified` the dates.
 * Orphaned annotations (no place in the text) are left out.
 */
import { categoryGuid } from '../codebook-qdc';
import { toCodePointOffsets } from '../text';
import type { Annotation, Category } from '../types';
import { stableGuid } from './guid';
import { selectionGuid, sourceGuid, userGuid, type ProjectInput } from './qde-write';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'assessing' | 'describing';
  value: string;
  format: 'text/plain';
  id?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  body: TextualBody[];
  target: {
    source: { id: string; type: 'Text'; format: 'text/plain'; title: string };
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  creator?: { id: string; type: 'Person'; name: string };
  created: string;
  modified: string;
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: 'Claimmark' };
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const body = (purpose: TextualBody['purpose'], value: string, id?: string): TextualBody => ({
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
  ...(id ? { id } : {}),
});

function bodies(a: Annotation, categories: ReadonlyMap<string, Category>): TextualBody[] {
  const out = a.categoryIds.flatMap((id) => {
    const c = categories.get(id);
    return c ? [body('tagging', c.name, `urn:uuid:${categoryGuid(c.id)}`)] : [];
  });
  if (a.note) out.push(body('commenting', a.note));
  if (a.status !== 'unverified') out.push(body('assessing', a.status));
  if (a.speaker.trim()) out.push(body('describing', `Speaker: ${a.speaker}`));
  if (a.evidence.trim()) out.push(body('describing', `Evidence: ${a.evidence}`));
  return out;
}

/** The collection for these documents' annotations; see the module comment. */
export function annotationsToW3c(input: ProjectInput): AnnotationCollection {
  const categories = new Map(input.categories.map((c) => [c.id, c]));
  const order = new Map(input.categories.map((c) => [c.id, c.order]));
  const items: WebAnnotation[] = [];
  for (const { doc, text } of input.documents) {
    const placed = input.annotations
      .filter((a) => a.docId === doc.id && !a.orphaned && a.end <= text.length)
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    const points = toCodePointOffsets(
      text,
      placed.flatMap((a) => [a.start, a.end]),
    );
    const source = {
      id: `urn:uuid:${sourceGuid(doc.id)}`,
      type: 'Text' as const,
      format: 'text/plain' as const,
      title: doc.title,
    };
    placed.forEach((a, i) => {
      const sorted = {
        ...a,
        categoryIds: [...a.categoryIds].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)),
      };
      items.push({
        id: `urn:uuid:${selectionGuid(a.id)}`,
        type: 'Annotation',
        body: bodies(sorted, categories),
        target: {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
            {
              type: 'TextPositionSelector',
              start: points[2 * i] ?? 0,
              end: points[2 * i + 1] ?? 0,
            },
          ],
        },
        ...(a.createdBy
          ? {
              creator: {
                id: `urn:uuid:${userGuid(a.createdBy)}`,
                type: 'Person',
                name: a.createdBy,
              },
            }
          : {}),
        created: a.createdAt,
        modified: a.updatedAt,
      });
    });
  }
  const scope = input.documents.map((d) => d.doc.id).join('\n');
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${stableGuid('collection', scope, true)}`,
    type: 'AnnotationCollection',
    label: input.name,
    total: items.length,
    generator: { type: 'Software', name: 'Claimmark' },
    generated: input.now.toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
