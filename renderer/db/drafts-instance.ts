import { DraftJournal, DraftWriter } from './drafts';

/** The app's one journal of fields being typed. */
export const draftJournal = new DraftJournal();
export const draftWriter = new DraftWriter(draftJournal);
