/**
 * The photo process's entry (built to build/photo-process.js): takes jobs from the server over
 * its IPC channel, answers each with its id, and ends with the channel (the server let it go,
 * or the server itself is gone).
 */
import os from 'node:os';
import { photoProcessNice, runPhotoJob, type PhotoJob } from './reencode';

// Photos can wait a moment; the day's commands cannot: where both want the CPU (a ward sending
// forty large photos on a two-core machine), the server's event loop goes first.
os.setPriority(photoProcessNice);

process.on('message', async ({ id, job }: { id: number; job: PhotoJob }) => {
	try {
		process.send?.({ id, answer: await runPhotoJob(job) });
	} catch (error) {
		process.send?.({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
process.on('disconnect', () => process.exit(0));
