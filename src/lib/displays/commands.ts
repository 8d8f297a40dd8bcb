/** The display-links domain's commands (coordinator). */
import { z } from '$lib/zod';
import { displayLayoutChangeSchema } from './layout-schema';

const linkId = z.uuid('Mã liên kết không hợp lệ');

export const displayCommands = {
	'display_link.create': z.object({
		name: z
			.string()
			.trim()
			.min(1, 'Đặt tên cho màn hình, ví dụ "Phòng điều hành"')
			.max(100, 'Tối đa 100 ký tự')
	}),
	'display_link.revoke': z.object({ linkId }),
	'display_link.configure': z.object({ linkId, layout: displayLayoutChangeSchema })
};
