/** How a domain says each of its events as one line of the live feed (see feed.ts), in `lang`. */
import type { Lang } from './i18n';

export type FeedLines<Events> = { [T in keyof Events]: (data: Events[T], lang: Lang) => string };
