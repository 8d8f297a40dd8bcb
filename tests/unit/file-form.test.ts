import { describe, expect, it } from 'vitest';
import { readFileForm, readImportForm } from '../../src/lib/server/http/file-form';

const url = 'http://localhost/ops/ceremony?/importInvitees';

/** A form as a browser sends it (undici writes the multipart body, as fetch does). */
function formRequest(fill: (form: FormData) => void): Request {
	const form = new FormData();
	fill(form);
	return new Request(url, { method: 'POST', body: form });
}

/**
 * The same request with its body handed over `size` bytes at a time, as a slow network does; the
 * first `keep` of it only; declaring `length` (a browser declares the body's; a client may lie).
 */
async function inPieces(request: Request, size: number, keep = 1, length?: number): Promise<Request> {
	const bytes = new Uint8Array(await request.arrayBuffer());
	const cut = Math.floor(bytes.length * keep);
	let at = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (at >= cut) return controller.close();
			controller.enqueue(bytes.slice(at, Math.min(cut, at + size)));
			at += size;
		}
	});
	return new Request(url, {
		method: 'POST',
		headers: {
			'content-type': request.headers.get('content-type')!,
			...(length === undefined ? {} : { 'content-length': String(length) })
		},
		body,
		duplex: 'half'
	} as RequestInit);
}

const list = 'Họ và tên,Nhóm\nNguyễn Văn A,Lãnh đạo\n'.repeat(200);

describe('an import form read as it arrives', () => {
	it('gives the file (named in Vietnamese) and the fields beside it, whole', async () => {
		const read = await readFileForm(
			formRequest((form) => {
				form.append('commandId', 'c-1');
				form.append('file', new File([list], 'Danh sách khách mời.csv', { type: 'text/csv' }));
				form.append('mode', 'append');
			}),
			{ maxFileBytes: 1024 * 1024 }
		);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.file?.name).toBe('Danh sách khách mời.csv');
		expect(read.file?.bytes.toString('utf8')).toBe(list);
		expect(read.fields.get('commandId')).toBe('c-1');
		expect(read.fields.get('mode')).toBe('append');
		expect(read.fields.get('file')).toBeNull();
	});

	it('puts a file back together from pieces cut through the framing', async () => {
		const bytes = Buffer.alloc(60_000);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
		const request = () => formRequest((form) => form.append('file', new File([bytes], 'ảnh.bin')));
		const whole = (await request().arrayBuffer()).byteLength;
		// declared as it is, none declared, declared too short (the rest is kept all the same)
		for (const [size, length] of [
			[1, whole],
			[7, undefined],
			[4096, whole],
			[4096, 1000],
			[4096, undefined]
		]) {
			const read = await readFileForm(await inPieces(request(), size!, 1, length), {
				maxFileBytes: 1024 * 1024
			});
			expect(read.ok && read.file?.bytes.equals(bytes), `pieces of ${size} bytes, ${length} declared`).toBe(
				true
			);
		}
	});

	it('refuses a file over its limit, after reading the body to its end', async () => {
		const request = await inPieces(
			formRequest((form) => form.append('file', new File([Buffer.alloc(50_000)], 'big.csv'))),
			1000
		);
		const read = await readFileForm(request, { maxFileBytes: 40_000 });
		expect(read).toEqual({ ok: false, problem: 'too_large' });
		expect(request.bodyUsed).toBe(true);
	});

	it('refuses what is not a multipart form, and a form cut off in its framing', async () => {
		const json = new Request(url, {
			method: 'POST',
			body: '{"file":1}',
			headers: { 'content-type': 'application/json' }
		});
		expect(await readFileForm(json, { maxFileBytes: 1000 })).toEqual({ ok: false, problem: 'not_a_form' });
		const cut = await inPieces(
			formRequest((form) => form.append('file', new File([list], 'a.csv'))),
			500,
			0.6
		);
		expect(await readFileForm(cut, { maxFileBytes: 1024 * 1024 })).toEqual({
			ok: false,
			problem: 'not_a_form'
		});
	});

	it('says what is wrong in the form’s own words when no file was picked', async () => {
		const read = await readImportForm(
			formRequest((form) => form.append('file', new File([], ''))),
			{ maxFileBytes: 1000, tooLarge: 'quá lớn', noFile: 'Chọn tệp danh sách (.xlsx hoặc .csv).', lang: 'vi' }
		);
		expect('failure' in read && read.failure).toMatchObject({
			status: 400,
			data: { message: 'Chọn tệp danh sách (.xlsx hoặc .csv).' }
		});
	});
});
