import { db } from '../db/instance';
import { openAnnotations } from '../db/use-annotations';
import { trackCoder } from '../settings/coder';
import { AnnotationStore } from './store';

/** The coder's name as the settings table holds it, for every write of the store. */
const coder = trackCoder(db);

/** The one annotation store, so every part of the app shares its undo history. */
export const annotationStore = new AnnotationStore(db, undefined, openAnnotations, coder.current);
