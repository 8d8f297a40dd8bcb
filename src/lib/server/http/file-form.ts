/**
 * A form that carries one file (an import), read as its body arrives: each piece is parsed
 * (busboy) and the file's bytes copied as they come into one buffer the size the request
 * declares. `request.formData()` gathers the whole body first, parses it in one go and copies the
 * file twice more on the way to a Buffer: for a 5 MB list that held the thread every socket waits
 * on for 90–145 ms. Even one 5 MB copy at the end took 17–30 ms on the bench machine (the memory
 * touched for the first time); a piece at a time, it is spread over the upload.
 */
import { fail } from '@sveltejs/kit';
import busboy from 'busboy';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { translate, words, type Lang, type Said } from '$lib/i18n';
import { bodyPieces, dropBody } from './request-body';

export interface FormFile {
	/** the name the sender's device gave it */
	name: string;
	bytes: Buffer;
}

export type FileFormRead =
	{ ok: true; fields: FormData; file: FormFile | null } | { ok: false; problem: 'too_large' | 'not_a_form' };

/**
 * Bytes written into one buffer of the size expected as they come (a piece copied a piece at a
 * time); with no size expected, or past it, kept as pieces and put together at the end.
 */
class Gathered {
	#into: Buffer | null;
	/** bytes copied into `#into`; the rest, if any, is in `#pieces` */
	#written = 0;
	#pieces: Buffer[] = [];

	constructor(expected: number) {
		// not zeroed (every byte read is written first), and its memory is touched only as it fills
		this.#into = expected > 0 ? Buffer.allocUnsafeSlow(expected) : null;
	}

	add(piece: Buffer): void {
		if (this.#into && !this.#pieces.length && this.#written + piece.length <= this.#into.length) {
			piece.copy(this.#into, this.#written);
			this.#written += piece.length;
		} else this.#pieces.push(piece);
	}

	all(): Buffer {
		const written = this.#into?.subarray(0, this.#written) ?? Buffer.alloc(0);
		return this.#pieces.length ? Buffer.concat([written, ...this.#pieces]) : written;
	}
}

/** the text fields an import form may have beside its file (a command id, a mode) */
const fieldLimits = { fields: 20, fieldSize: 64 * 1024, parts: 24 };

/**
 * The form's text fields and the file sent as `fileField` (other files are dropped). A file over
 * `maxFileBytes` is not kept past its limit: the answer is `too_large`, the rest of the body is
 * read and dropped a piece at a time. A body that is not multipart, or breaks off in the middle
 * of its framing, is `not_a_form`. A body the client stops sending throws, as `formData()` does.
 */
export async function readFileForm(
	request: Request,
	{ fileField = 'file', maxFileBytes }: { fileField?: string; maxFileBytes: number }
): Promise<FileFormRead> {
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': request.headers.get('content-type') ?? undefined },
			// browsers send a file's name as UTF-8 (Vietnamese names included)
			defParamCharset: 'utf8',
			limits: { ...fieldLimits, files: 1, fileSize: maxFileBytes }
		});
	} catch {
		await dropBody(request.body);
		return { ok: false, problem: 'not_a_form' };
	}

	const fields = new FormData();
	const bytes = new Gathered(Math.min(Number(request.headers.get('content-length')) || 0, maxFileBytes));
	// set in the parser's callbacks (a holder, so that TypeScript does not take them for constants)
	const got: { fileName: string | null; tooLarge: boolean } = { fileName: null, tooLarge: false };
	parser.on('field', (name, value) => fields.append(name, value));
	parser.on('file', (name, stream, info) => {
		// a form cut off mid-file fails its file too: told once, by the parser's own error
		stream.on('error', () => undefined);
		if (name !== fileField || got.fileName !== null) {
			stream.resume();
			return;
		}
		got.fileName = info.filename ?? '';
		stream.on('data', (piece: Buffer) => bytes.add(piece));
		stream.on('limit', () => (got.tooLarge = true));
	});
	// a parse error ends the loop below at its next write; it is not thrown from here
	let broken = false;
	parser.on('error', () => (broken = true));
	const parsed = finished(parser).catch(() => (broken = true));

	const body = bodyPieces(request.body);
	try {
		for await (const piece of body.pieces) {
			if (broken) break;
			// a parse error stops the wait as well (once() rejects on 'error'); the loop then ends
			if (!parser.write(piece)) await once(parser, 'drain').catch(() => undefined);
		}
	} catch (error) {
		parser.destroy();
		throw error;
	}
	if (broken) {
		if (!body.read.ended) await dropBody(request.body);
		return { ok: false, problem: 'not_a_form' };
	}
	parser.end();
	await parsed;
	if (broken) return { ok: false, problem: 'not_a_form' };
	if (got.tooLarge) return { ok: false, problem: 'too_large' };
	const file = got.fileName === null ? null : { name: got.fileName, bytes: bytes.all() };
	return { ok: true, fields, file };
}

/**
 * An import form's file and fields, or the failure its form shows (too large, no file, not a
 * form) as `failure`, in the shape every form action answers with: `{ message, problems }`, in
 * `lang` (the sender's, `locals.lang`).
 */
export async function readImportForm(
	request: Request,
	{
		maxFileBytes,
		tooLarge,
		noFile,
		lang
	}: { maxFileBytes: number; tooLarge: Said | string; noFile: Said | string; lang: Lang }
) {
	const read = await readFileForm(request, { maxFileBytes });
	if (!read.ok)
		return read.problem === 'too_large'
			? { failure: fail(413, { message: words(lang, tooLarge), problems: [] }) }
			: {
					failure: fail(400, {
						// a page older than the server's, or not a browser's form
						message: translate(lang, 'problems.notAForm'),
						problems: []
					})
				};
	if (!read.file || read.file.bytes.length === 0)
		return { failure: fail(400, { message: words(lang, noFile), problems: [] }) };
	return { file: read.file, fields: read.fields };
}
