import { db } from '../db/instance';
import { openAnnotations } from '../db/use-annotations';
import { AnnotationStore } from './store';

/** The one annotation store, so every part of the app shares its undo history. */
export const annotationStore = new AnnotationStore(db, undefined, openAnnotations);
