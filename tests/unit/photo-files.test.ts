/**
 * Photo files are named by their content, so two uploads of the same picture (two tablets, or
 * one tablet sending it twice) write the same file: at the same moment, both must succeed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-photo-files-'));
let files: typeof import('../../src/lib/server/photos/files');

beforeAll(async () => {
	vi.stubEnv('KHAIMAC_PHOTOS_DIR', dir);
	files = await import('../../src/lib/server/photos/files');
});

afterAll(() => {
	vi.unstubAllEnvs();
	vi.restoreAllMocks();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('photo files', () => {
	it('stores the same photo written twice in the same millisecond, once, with nothing left over', async () => {
		vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
		const id = 'ab'.repeat(32);
		const display = Buffer.from('the display image');
		const thumb = Buffer.from('the thumbnail');
		await Promise.all([files.writePhotoFiles(id, display, thumb), files.writePhotoFiles(id, display, thumb)]);
		expect(await files.readPhotoFile(id, 'display')).toEqual(display);
		expect(await files.readPhotoFile(id, 'thumb')).toEqual(thumb);
		expect(fs.readdirSync(path.join(dir, 'ab')).sort()).toEqual([`${id}.jpg`, `${id}.thumb.jpg`]);
	});
});
