/** Where the demo is in its cycle of acts, kept so a restart goes on where it was. */
import type { Db } from '../db';
import { readMeta, writeMeta } from '../db/meta';

export interface Cycle {
	/** real time the cycle began: ids of demo commands derive from it */
	cycle: number;
	/** index of the running act */
	act: number;
}

export const loadCycle = (db: Db) => readMeta<Cycle>(db, 'demo_cycle');
export const saveCycle = (db: Db, cycle: Cycle) => writeMeta(db, 'demo_cycle', cycle);
