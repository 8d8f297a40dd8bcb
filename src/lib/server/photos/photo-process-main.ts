/**
 * The photo process's entry (built to build/photo-process.js): takes jobs from the server over
 * its IPC channel, answers each with its id, and ends with the channel (the server let it go,
 * or the server itself is gone).
 */
import { runPhotoJob, type PhotoJob } from './reencode';

process.on('message', async ({ id, job }: { id: number; job: PhotoJob }) => {
	try {
		process.send?.({ id, answer: await runPhotoJob(job) });
	} catch (error) {
		process.send?.({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
process.on('disconnect', () => process.exit(0));
