/**
 * A report's .docx built where the work cannot hold the server up: in a process of its own
 * (photos/photo-process.ts). The server hands over the sheet; the photos are read here from the
 * data folder and made small with sharp one at a time; the file's bytes go back.
 */
import sharp from 'sharp';
import { photoPath } from '../photos/files';
import { reportDocument, type DocumentPhoto } from './document';
import type { ReportSheet } from './picture';

export interface DocumentJob {
	sheet: ReportSheet;
	exportedAt: number;
}

/** wide enough for the appendix's 78 mm box printed at about 300 dpi */
const photoSide = 1000;

export function buildDocument({ sheet, exportedAt }: DocumentJob): Promise<Buffer> {
	return reportDocument(sheet, { exportedAt, photo: (photo) => shrunk(photo.id) });
}

/** a stored photo (upright, checked and ours already) as small as print needs; null when unreadable */
async function shrunk(id: string): Promise<DocumentPhoto | null> {
	try {
		const { data, info } = await sharp(photoPath(id, 'display'))
			.resize({ width: photoSide, height: photoSide, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 70 })
			.toBuffer({ resolveWithObject: true });
		return { data, width: info.width, height: info.height };
	} catch {
		// the file is gone or damaged: the photo's caption says so in its place
		return null;
	}
}
