/**
 * The device matrix: who opens which page on what screen, and what each screen must show. The
 * checks read the page as a person would see it at that size; devices.spec.ts runs them.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { areas } from '../../src/lib/i18n';
import { english } from '../../src/lib/i18n/en';
import { expect } from './fixtures';

export interface Device {
	name: string;
	width: number;
	height: number;
	/** a phone or tablet: mobile emulation (the layout viewport widens to overflowing content) */
	mobile: boolean;
}

export const devices = {
	phone360: { name: 'phone 360×780', width: 360, height: 780, mobile: true },
	phone412: { name: 'phone 412×915', width: 412, height: 915, mobile: true },
	tablet768: { name: 'tablet 768×1024', width: 768, height: 1024, mobile: true },
	tablet1024: { name: 'tablet 1024×768', width: 1024, height: 768, mobile: true },
	laptop: { name: 'laptop 1366×768', width: 1366, height: 768, mobile: false },
	wall1080: { name: 'wall 1920×1080', width: 1920, height: 1080, mobile: false },
	wall4k: { name: 'wall 3840×2160', width: 3840, height: 2160, mobile: false }
} satisfies Record<string, Device>;

const { phone360, phone412, tablet768, tablet1024, laptop, wall1080, wall4k } = devices;
const phones = [phone360, phone412];
const tablets = [tablet768, tablet1024];

/** A page of a role, the sizes its people open it at, and the actions that must be in the first screen. */
export interface Screen {
	path: string;
	/** which account of the plan opens it (a key of the plan's users) */
	user: keyof PlanUsers;
	devices: Device[];
	/** the role's main actions: each present one must be within the first screen */
	primary?: (page: Page) => Locator[];
	/** the wall display: panels must show all their rows or say how many more */
	wall?: boolean;
	/** parts that must start in the first screen and be no taller than it (a list that grows with the day) */
	bounded?: (page: Page) => Locator[];
}

export interface PlanUsers {
	truck: string;
	gate: string;
	ward: string;
	unit: string;
	coordinator: string;
	admin: string;
	leader: string;
}

const crewButtons = (page: Page) =>
	[/^Xuất phát$/, /^Đến điểm/, /^Gặp sự cố$/, /^Đã khắc phục/, /^Hoàn thành$/].map((name) =>
		page.getByRole('button', { name })
	);

export const screens: Screen[] = [
	{ path: '/truck', user: 'truck', devices: phones, primary: crewButtons },
	{
		path: '/gate',
		user: 'gate',
		devices: [...phones, ...tablets],
		primary: (page) => [page.getByTestId('gate-search'), page.getByRole('button', { name: /Quét mã QR/ })]
	},
	{
		path: '/ward',
		user: 'ward',
		devices: [...phones, ...tablets],
		primary: (page) => [page.getByTestId('checklist-item').first().getByRole('button').first()]
	},
	{ path: '/reports', user: 'ward', devices: [...phones, ...tablets, laptop] },
	{ path: '/reports', user: 'unit', devices: [...phones, ...tablets, laptop] },
	{ path: '/ops', user: 'coordinator', devices: [laptop] },
	{
		path: '/ops/trucks',
		user: 'coordinator',
		devices: [laptop],
		primary: (page) => [page.getByTestId('alerts').getByRole('heading').first()],
		bounded: (page) => [page.getByTestId('alerts'), page.locator('.leaflet-container')]
	},
	{ path: '/ops/checklists', user: 'coordinator', devices: [laptop] },
	{ path: '/ops/ceremony', user: 'coordinator', devices: [laptop] },
	{ path: '/ops/ceremony/invitations', user: 'coordinator', devices: [laptop] },
	{ path: '/ops/routes', user: 'coordinator', devices: [laptop] },
	{ path: '/ops/replay', user: 'coordinator', devices: [laptop] },
	{ path: '/reports/overview', user: 'coordinator', devices: [...tablets, laptop] },
	{ path: '/reports/print', user: 'coordinator', devices: [laptop] },
	{ path: '/admin', user: 'admin', devices: [laptop] },
	{ path: '/admin/users', user: 'admin', devices: [laptop] },
	{ path: '/admin/scenario', user: 'admin', devices: [laptop] },
	{ path: '/display', user: 'leader', devices: [laptop, wall1080, wall4k], wall: true }
];

/** Where the screenshots go, kept after the run for a person to look at. */
export const shotsDir = path.resolve('test-results/devices');

/** A signed-in browser state per account, made once: sign-ins are rate limited per address. */
export class SignIns {
	#states = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();
	constructor(
		private browser: Browser,
		private baseURL: string,
		private password: string
	) {}

	async context(username: string, device: Device): Promise<BrowserContext> {
		let state = this.#states.get(username);
		if (!state) {
			const context = await this.browser.newContext({ baseURL: this.baseURL });
			const page = await context.newPage();
			await page.goto('/login');
			await page.getByLabel('Tên đăng nhập').fill(username);
			await page.getByLabel('Mật khẩu').fill(this.password);
			await page.getByRole('button', { name: 'Đăng nhập' }).click();
			await page.waitForURL((url) => !url.pathname.startsWith('/login'));
			state = await context.storageState();
			this.#states.set(username, state);
			await context.close();
		}
		return this.browser.newContext({
			baseURL: this.baseURL,
			storageState: state,
			viewport: { width: device.width, height: device.height },
			screen: { width: device.width, height: device.height },
			isMobile: device.mobile,
			hasTouch: device.mobile,
			deviceScaleFactor: device.mobile ? 2 : 1
		});
	}
}

/** What overflows the device's width: the page's scroll width and the elements past the right edge. */
export async function overflow(page: Page, width: number) {
	return page.evaluate((width) => {
		const past = [...document.querySelectorAll('body *')]
			.filter((e) => {
				const box = e.getBoundingClientRect();
				if (!box.width || !box.height) return false;
				// inside something that scrolls sideways on purpose (a wide table in its own box)
				for (let p = e.parentElement; p; p = p.parentElement) {
					const style = getComputedStyle(p);
					if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) {
						if (p.getBoundingClientRect().right <= width + 0.5) return false;
					}
				}
				return box.right > width + 0.5;
			})
			.slice(0, 5)
			.map(
				(e) =>
					`${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} right=${Math.round(e.getBoundingClientRect().right)}`
			);
		return { scrollWidth: document.documentElement.scrollWidth, past };
	}, width);
}

/**
 * The header: its items on one row (or a menu button), and no item broken over two lines.
 * Returns what is wrong, empty when right.
 */
export async function headerFaults(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const header = document.querySelector('header.bar');
		if (!header) return [];
		const faults: string[] = [];
		const items = [
			...header.querySelectorAll('a, button, summary, .demo-tag, [data-testid="connection"]')
		].filter((e) => e.checkVisibility({ visibilityProperty: true }));
		for (const item of items) {
			// the item's words: a new line starts where a piece of text begins below the last one
			const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
			const rects: DOMRect[] = [];
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const range = document.createRange();
				range.selectNodeContents(node);
				rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
			}
			rects.sort((a, b) => a.top - b.top);
			let lines = rects.length ? 1 : 0;
			for (let i = 1; i < rects.length; i++) if (rects[i].top >= rects[i - 1].bottom - 2) lines++;
			if (lines > 1)
				faults.push(`"${item.textContent?.trim().replace(/\s+/g, ' ')}" breaks over ${lines} lines`);
		}
		const boxes = items.map((e) => e.getBoundingClientRect());
		const rowTop = Math.max(...boxes.map((r) => r.top));
		const rowBottom = Math.min(...boxes.map((r) => r.bottom));
		if (boxes.length && rowTop >= rowBottom)
			faults.push(
				`the header takes more than one row (${Math.round(header.getBoundingClientRect().height)} px)`
			);
		return faults;
	});
}

/** The wall's panels: any element whose content is cut (scrolls inside a box that hides it). */
export async function clipped(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('[data-panel] *, [data-panel]')]
			.filter((e) => !e.closest('.leaflet-container, canvas, svg'))
			.filter((e) => {
				const style = getComputedStyle(e);
				const hides = (o: string) => o === 'hidden' || o === 'clip';
				const h = e as HTMLElement;
				if (!h.offsetParent && style.position !== 'fixed') return false;
				// a row shortened on purpose ends with "…": not cut
				if (style.getPropertyValue('-webkit-line-clamp') !== 'none' || style.textOverflow === 'ellipsis')
					return false;
				return (
					(hides(style.overflowY) && h.scrollHeight > h.clientHeight + 1) ||
					(hides(style.overflowX) && h.scrollWidth > h.clientWidth + 1)
				);
			})
			.slice(0, 8)
			.map((e) => {
				const h = e as HTMLElement;
				const panel = h.closest('[data-panel]')?.getAttribute('data-panel');
				return `${panel}: ${h.tagName.toLowerCase()}.${String(h.className).split(' ')[0]} shows ${h.clientHeight}/${h.scrollHeight} px (“${h.textContent?.trim().slice(0, 40)}…”)`;
			})
	);
}

/** Trucks' names on the wall map that cover each other or run out of the map panel. */
export async function labelFaults(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const panel = document.querySelector('[data-panel="map"]')?.getBoundingClientRect();
		if (!panel) return [];
		const labels = [...document.querySelectorAll<HTMLElement>('[data-panel="map"] .km-truck-label')]
			.filter((e) => getComputedStyle(e).visibility !== 'hidden')
			.map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }));
		const faults: string[] = [];
		const outside = labels.filter(
			({ r }) => r.left < panel.left || r.right > panel.right || r.top < panel.top || r.bottom > panel.bottom
		);
		if (outside.length)
			faults.push(`${outside.length} truck names out of the map panel (${outside[0].text}…)`);
		let covering = 0;
		for (let i = 0; i < labels.length; i++)
			for (let j = i + 1; j < labels.length; j++) {
				const [a, b] = [labels[i].r, labels[j].r];
				if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) covering++;
			}
		if (covering)
			faults.push(`${covering} pairs of truck names cover each other (of ${labels.length} shown)`);
		return faults;
	});
}

/** What axe-core finds critical or serious on the page (WCAG 2.0 A/AA, 2.1 AA). */
export async function axeFaults(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
	return violations
		.filter((v) => v.impact === 'critical' || v.impact === 'serious')
		.map(
			(v) =>
				`axe ${v.impact} ${v.id}: ${v.nodes.length}× (${v.nodes
					.slice(0, 2)
					.map((n) => n.target.join(' '))
					.join(' | ')})`
		);
}

/**
 * Emoji and symbols that a phone without an emoji font draws as empty boxes (📍 📷 ✔ ⏳ 🖨): the
 * app's icons are its own SVG (Icon.svelte).
 */
export async function emojiFaults(page: Page): Promise<string[]> {
	const found = await page.evaluate(() => [
		...(document.body.innerText.match(
			/[\u{1F300}-\u{1FAFF}\u{2300}-\u{23FF}\u{25B6}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu
		) ?? [])
	]);
	return found.length ? [`${found.length} emoji drawn as text (${[...new Set(found)].join(' ')})`] : [];
}

/** A page of more elements than any screen needs (each one costs a slow phone or laptop time). */
export async function domFaults(page: Page, limit = 10_000): Promise<string[]> {
	const count = await page.evaluate(() => document.getElementsByTagName('*').length);
	return count > limit ? [`${count} elements in the page (more than ${limit})`] : [];
}

/** Parts that should start in the first screen and stay within one screen's height. */
export async function unbounded(page: Page, device: Device, parts: Locator[]): Promise<string[]> {
	const faults: string[] = [];
	for (const part of parts) {
		if (!(await part.count())) continue;
		const box = await part.first().boundingBox();
		if (!box) continue;
		const name = await part
			.first()
			.evaluate((e) => e.getAttribute('data-testid') ?? e.className.split(' ')[0]);
		if (box.y >= device.height)
			faults.push(`${name} starts at y=${Math.round(box.y)}, below the first screen`);
		if (box.height > device.height) faults.push(`${name} is ${Math.round(box.height)} px tall`);
	}
	return faults;
}

/** Each present primary action lies within the first screen (no scrolling to reach it). */
export async function offFirstScreen(page: Page, device: Device, actions: Locator[]): Promise<string[]> {
	const faults: string[] = [];
	for (const action of actions) {
		if (!(await action.count())) continue;
		const box = await action.first().boundingBox();
		if (!box) continue;
		if (box.y + box.height > device.height || box.x + box.width > device.width + 0.5 || box.x < 0)
			faults.push(
				`${await action.first().evaluate((e) => e.textContent?.trim() || e.getAttribute('aria-label') || e.tagName)} at y=${Math.round(box.y)}–${Math.round(box.y + box.height)}`
			);
	}
	return faults;
}

/** The page as its person sees it once it is up: fonts in, live data arrived where the page is live. */
export async function settled(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	const badge = page.getByTestId('connection').first();
	if (await badge.count()) await expect(badge).toHaveAttribute('data-status', 'live');
}

export async function shoot(page: Page, name: string): Promise<void> {
	fs.mkdirSync(shotsDir, { recursive: true });
	await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

export { expect };

/**
 * For a page read in English: the catalogue's Vietnamese phrases (the parts of a message between
 * its parameters, of two words or more) still on screen. Phrases the plan itself contains are
 * data (a unit's name, a notice) and are not counted.
 */
export async function vietnameseLeft(page: Page, planText: string): Promise<string[]> {
	const phrases = new Set<string>();
	for (const area of Object.keys(areas) as (keyof typeof areas)[]) {
		const en: Record<string, string> = english[area];
		for (const [key, text] of Object.entries(areas[area] as Record<string, string>)) {
			if (en[key] === text) continue;
			for (const piece of text.split(/\{[^}]*\}/)) {
				const phrase = piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
				if (phrase.split(/\s+/).length >= 2 && /[^\p{ASCII}]/u.test(phrase) && !planText.includes(phrase))
					phrases.add(phrase);
			}
		}
	}
	// what the page itself marks as Vietnamese (the official report) is meant to be
	const text = await page.evaluate(() => {
		let all = document.body.innerText;
		for (const part of document.querySelectorAll<HTMLElement>('body [lang="vi"]'))
			all = all.replace(part.innerText, '');
		return all;
	});
	return [...phrases].filter((p) => text.includes(p)).map((p) => `still in Vietnamese: "${p}"`);
}
