/** What the accounts domain tells the screens, and its lines in the live feed. */
import type { FeedLines } from '../feed-line';
import { translate } from '../i18n';
import type { Role } from '../scenario/schema';

export interface UserData {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	unitId: string | null;
	truckId: string | null;
	disabled: boolean;
}

export interface UserEvents {
	'user.created': UserData;
	'user.updated': UserData;
	'user.password_reset': { id: number; username: string };
}

export const userFeed: FeedLines<UserEvents> = {
	'user.created': (d, lang) => translate(lang, 'admin.feed.userCreated', { username: d.username }),
	'user.updated': (d, lang) => translate(lang, 'admin.feed.userUpdated', { username: d.username }),
	'user.password_reset': (d, lang) => translate(lang, 'admin.feed.passwordReset', { username: d.username })
};
