import { ClaimmarkDB } from './db';

/** The app's one database connection. */
export const db = new ClaimmarkDB();
