import type { Actor } from '$lib/server/access';
import type { Session, SessionUser } from '$lib/server/auth/session';
import type { Lang } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** the signed-in user as an actor, or null */
			actor: Actor | null;
			lang: Lang;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
