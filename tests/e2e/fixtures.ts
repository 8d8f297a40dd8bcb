import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { demoPassword } from '../helpers/server';

/* eslint-disable no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern */
export const test = base.extend<{ url: string }>({
	url: async ({}, use) => use(process.env.E2E_URL!),
	baseURL: async ({}, use) => use(process.env.E2E_URL!)
});
/* eslint-enable no-empty-pattern */

export { expect };

export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	// done when the browser has left the login page (signed in) or the form says why not
	const left = page.waitForURL((url) => !url.pathname.startsWith('/login'), { waitUntil: 'commit' });
	const refused = page.getByRole('alert').waitFor();
	// the loser of the race is abandoned; it must not fail the test later
	left.catch(() => undefined);
	refused.catch(() => undefined);
	await Promise.race([left, refused]);
}

/** Signs out through the header's menu, where signing out lives on every size. */
export async function signOut(page: Page): Promise<void> {
	await page.locator('header.bar summary').click();
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
}

/**
 * Offline as a device in the street is: the page's own requests fail, and so do its service
 * worker's (Playwright's setOffline does not reach a service worker's fetches by itself).
 */
export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
	await context.setOffline(offline);
	if (offline)
		await context.route('**', (route) =>
			route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue()
		);
	else await context.unrouteAll();
}

/**
 * Nothing shown past the screen's right edge (a wide table scrolls in its own box): the page's
 * main part, where a feature draws; the header is the devices spec's.
 */
export async function fitsWidth(page: Page) {
	const width = page.viewportSize()!.width;
	const past = await page.evaluate(
		(width) =>
			[...document.querySelectorAll('main *')]
				.filter((e) => {
					const box = e.getBoundingClientRect();
					if (!box.width || !box.height || box.right <= width + 0.5) return false;
					for (let p = e.parentElement; p; p = p.parentElement)
						if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX))
							if (p.getBoundingClientRect().right <= width + 0.5) return false;
					return true;
				})
				.map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`),
		width
	);
	expect(past).toEqual([]);
}
