/**
 * Waiting for what a committed command sets going on its own (a crew's incident raises an
 * alert through a system command a moment later). Turns of the event loop, not timers: the
 * commands commit on setImmediate (commands/group-commit.ts), and setInterval is faked here.
 */

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Retries the assertion until it passes, for up to `ms` of real time. */
export async function eventually<T>(assertion: () => T, ms = 1000): Promise<T> {
	const until = performance.now() + ms;
	for (;;) {
		try {
			return assertion();
		} catch (error) {
			if (performance.now() > until) throw error;
			await turn();
		}
	}
}

/** A few turns of the event loop: follow-up commands in flight get to commit. */
export async function settled(): Promise<void> {
	for (let i = 0; i < 10; i++) await turn();
}
