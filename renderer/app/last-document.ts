import { db } from '../db/instance';
import { isSpansRecord } from '../db/spans';
import { handOverSpans } from '../db/spans-handoff';
import { handOverHead, handOverText } from '../db/text-handoff';

/** The setting that names the document to reopen at the next start. */
export const LAST_DOCUMENT = 'lastDocument';

let asked: Promise<string | null> | null = null;
let answered: { id: string | null } | null = null;

const read = () =>
  db.settings.get(LAST_DOCUMENT).then(
    (s) => s?.value ?? null,
    () => null,
  );

/**
 * The text and spans record too, handed to the reader and the model as an
 * import hands its text (text-handoff.ts, spans-handoff.ts). A long text
 * hands over its head instead, as a click opens it (heads.ts): only a long
 * text has one, and its whole text is read once the first frame is drawn.
 * The reader draws a head only with its highlights, so a document without a
 * spans record yet (made on its first open) hands over its whole text.
 */
const readWithText = () =>
  read().then(async (id) => {
    if (!id) return id;
    const [held, head] = await Promise.all([
      db.spans.get(id).then(
        (record) => ({ record }),
        () => null,
      ),
      db.heads.get(id).catch(() => undefined),
    ]);
    if (head && isSpansRecord(held?.record)) handOverHead(id, head.head);
    else {
      const text = await db.texts.get(id).catch(() => undefined);
      if (text) handOverText(id, text.text);
    }
    if (held) handOverSpans(id, held.record);
    return id;
  });

/**
 * Asks which document to reopen as the app's code runs (main.tsx), so the
 * answer is in when the workspace first draws instead of being asked by its
 * effects, after the document list.
 */
export function askLastDocument(): Promise<string | null> {
  asked ??= readWithText().then((id) => (answered = { id }).id);
  return asked;
}

/** The answer asked for at the start, once; a later call asks again. */
export function takeLastDocument(): Promise<string | null> {
  const answer = asked ?? read();
  asked = null;
  return answer;
}

/** The start's answer if it is in already (the workspace's first frame opens it); else undefined. */
export const lastDocumentAtStart = (): string | null | undefined => answered?.id;
