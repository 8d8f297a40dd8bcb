/**
 * Building a report's .docx for whoever asks (the export route, the command line): its photos
 * made small in the photo process, one document at a time on the server, each reader with at
 * most one more waiting. A city's document takes hundreds of photos and seconds to build; a
 * reader pressing the link again and again must not take the server from the day.
 */
import { FairQueue, QueueFull } from '../photos/fair-queue';
import { photoForDocument } from '../photos/image';
import { reportDocument } from './document';
import type { ReportSheet } from './picture';

/** The server is building the reader's documents already: try again in a moment. */
export class DocumentsBusy extends Error {}

const documents = new FairQueue(1, 1);
/** wide enough for the appendix's 78 mm box printed at about 300 dpi */
const photoSide = 1000;

export async function documentFile(
	sheet: ReportSheet,
	reader: string,
	exportedAt = Date.now()
): Promise<Buffer> {
	if (!documents.hasRoom(reader)) throw new DocumentsBusy();
	try {
		return await documents.run(reader, () =>
			reportDocument(sheet, {
				exportedAt,
				// a photo that cannot be read is left out of its place, and its caption says so
				photo: (photo) => photoForDocument(photo.id, photoSide).catch(() => null)
			})
		);
	} catch (error) {
		if (error instanceof QueueFull) throw new DocumentsBusy();
		throw error;
	}
}
