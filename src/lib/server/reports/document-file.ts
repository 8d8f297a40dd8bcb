/**
 * Building a report's .docx for whoever asks (the export route, the command line). A city's
 * document takes hundreds of photos and seconds of work that holds its process up (the docx
 * package packs synchronously), so it is built in a process of its own, one document at a time,
 * each reader with at most one more waiting: a reader pressing the link again and again must
 * not take the server from the day.
 */
import { FairQueue, QueueFull } from '../photos/fair-queue';
import { inProcessOfItsOwn } from '../photos/photo-process';
import type { ReportSheet } from './picture';

/** The server is building the reader's documents already: try again in a moment. */
export class DocumentsBusy extends Error {}

const documents = new FairQueue(1, 1);

export async function documentFile(
	sheet: ReportSheet,
	reader: string,
	exportedAt = Date.now()
): Promise<Buffer> {
	if (!documents.hasRoom(reader)) throw new DocumentsBusy();
	try {
		return await documents.run(
			reader,
			async () => (await inProcessOfItsOwn({ op: 'document', job: { sheet, exportedAt } })).docx
		);
	} catch (error) {
		if (error instanceof QueueFull) throw new DocumentsBusy();
		throw error;
	}
}
