import { useLive } from '../db/live';
import { db } from '../db/instance';
import type { ReportDocument } from '../../shared/agreement-report';
import type { Annotation } from '../../shared/types';

/** Every annotation, and the texts of the documents that have any (positions need the text). */
export function useAgreementData():
  { annotations: Annotation[]; documents: ReportDocument[] } | undefined {
  return useLive(
    () =>
      db.transaction('r', [db.annotations, db.documents, db.texts], async () => {
        const annotations = await db.annotations.toArray();
        const ids = [...new Set(annotations.map((a) => a.docId))];
        const [docs, texts] = await Promise.all([db.documents.bulkGet(ids), db.texts.bulkGet(ids)]);
        const documents = ids.flatMap((id, i) => {
          const d = docs[i];
          return d ? [{ id, title: d.title, text: texts[i]?.text ?? '' }] : [];
        });
        return { annotations, documents };
      }),
    [],
  );
}
