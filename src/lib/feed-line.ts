/** How a domain says each of its events as one line of the live feed (see feed.ts). */
export type FeedLines<Events> = { [T in keyof Events]: (data: Events[T]) => string };
