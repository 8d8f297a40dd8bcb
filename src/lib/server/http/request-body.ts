/**
 * A request's body read a piece at a time, as it arrives: never gathered whole (a large body
 * gathered is a copy of it and garbage for the collector, on the thread every socket waits on).
 */

/**
 * The body's pieces; `read` says whether its reader began (`started`) and whether it read the last
 * piece (`ended`).
 */
export function bodyPieces(body: ReadableStream<Uint8Array> | null) {
	const read = { started: false, ended: body === null };
	async function* pieces(): AsyncGenerator<Uint8Array> {
		if (!body) return;
		read.started = true;
		const reader = body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				yield value;
			}
			read.ended = true;
		} finally {
			reader.releaseLock();
		}
	}
	return { pieces: pieces(), read };
}

/** Reads a body to its end, holding one piece at a time; a body cut off on the way is no error. */
export async function dropBody(body: ReadableStream<Uint8Array> | null): Promise<void> {
	if (!body) return;
	const reader = body.getReader();
	try {
		while (!(await reader.read()).done);
	} catch {
		// the sender went away: nothing to read on
	}
}
