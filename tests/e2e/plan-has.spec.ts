import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { command, connect, login } from '../helpers/client';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, signIn, test } from './fixtures';

/**
 * Only what the plan has: a plan without trucks, a ceremony, checklist items or a report table
 * offers none of them in its menus, says so on their pages, and gives the wall's room to the
 * panels it has; every map opens on the plan's own area (no tiles here: the view is read from
 * the map itself).
 */

const wardPlan = 'data/scenarios/bien-giang-2024.json';
const demoPlan = 'data/scenarios/quan7-2024.json';
/* eslint-disable @typescript-eslint/no-explicit-any -- a plan file's JSON, changed for a test */
type Plan = any;

/** A copy of a plan file, changed, in a folder of its own (removed with its server). */
function changedPlan(file: string, change: (plan: Plan) => void): { file: string; dir: string } {
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-plan-'));
	const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
	change(plan);
	const written = path.join(dir, path.basename(file));
	fs.writeFileSync(written, JSON.stringify(plan));
	return { file: written, dir };
}

async function signedIn(browser: Browser, url: string, username: string, width = 1366, height = 768) {
	const context = await browser.newContext({ baseURL: url, viewport: { width, height } });
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

/** The addresses the header's menu offers (shown in a row or in the menu button's panel). */
async function menu(page: Page): Promise<string[]> {
	await expect(page.locator('header.bar')).toBeVisible();
	return page
		.locator('header.bar nav.measure a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

/** Every link on the page (header, sub-navigation, cards) to one of these addresses. */
async function linksTo(page: Page, hrefs: string[]): Promise<string[]> {
	return page
		.locator('a[href]')
		.evaluateAll(
			(links, hrefs) =>
				links.map((a) => a.getAttribute('href')!).filter((h) => hrefs.includes(h.split('?')[0])),
			hrefs
		);
}

/**
 * Points of the wall's panel room (under the header, over the ticker, inside the padding) that
 * no panel covers, a gap's width around each panel allowed: empty when the panels fill the screen.
 */
async function emptyRoom(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const display = document.querySelector<HTMLElement>('[data-testid="display"]')!;
		const style = getComputedStyle(display);
		const gap = parseFloat(style.columnGap);
		const pad = parseFloat(style.paddingLeft);
		const header = document.querySelector('.display-header')!.getBoundingClientRect();
		const ticker = document.querySelector('.ticker')!.getBoundingClientRect();
		const panels = [...document.querySelectorAll('[data-panel]')].map((p) => p.getBoundingClientRect());
		const room = { left: pad, right: innerWidth - pad, top: header.bottom + gap, bottom: ticker.top - gap };
		const empty: string[] = [];
		for (let i = 0; i <= 40; i++)
			for (let j = 0; j <= 20; j++) {
				const x = room.left + ((room.right - room.left) * i) / 40;
				const y = room.top + ((room.bottom - room.top) * j) / 20;
				const covered = panels.some(
					(r) => x >= r.left - gap && x <= r.right + gap && y >= r.top - gap && y <= r.bottom + gap
				);
				if (!covered) empty.push(`${Math.round(x)},${Math.round(y)}`);
			}
		return empty;
	});
}

async function shownPanels(page: Page): Promise<string[]> {
	return page
		.locator('[data-panel]')
		.evaluateAll((panels) => panels.map((p) => p.getAttribute('data-panel')!).sort());
}

/** What a map shows first: its view as [west, south, east, north], read from the map. */
async function viewOf(map: Locator): Promise<[number, number, number, number]> {
	await expect(map).toHaveAttribute('data-view', /\d/);
	const view = (await map.getAttribute('data-view'))!.split(',').map(Number);
	return view as [number, number, number, number];
}

function outside(view: [number, number, number, number], points: [number, number][]): string[] {
	const [west, south, east, north] = view;
	return points
		.filter(([lng, lat]) => lng < west || lng > east || lat < south || lat > north)
		.map(([lng, lat]) => `${lng},${lat}`);
}

test.describe('a ward’s plan without trucks (Biên Giang)', () => {
	let server: TestServer;
	test.beforeAll(async () => {
		server = await startServer({ scenario: wardPlan, env: { KHAIMAC_TILE_URL: '' } });
	});
	test.afterAll(async () => removeServer(server));

	test('no truck tab or link in any menu or page', async ({ browser }) => {
		for (const username of ['vhxh', 'lanhdao', 'admin']) {
			const page = await signedIn(browser, server.url, username);
			for (const at of ['/ops', '/ops/checklists', '/ops/ceremony']) {
				await page.goto(at);
				expect(await menu(page), `${username} on ${at}`).not.toContain('/ops/trucks');
				expect(
					await linksTo(page, ['/ops/trucks', '/ops/routes', '/ops/replay']),
					`${username} on ${at}`
				).toEqual([]);
			}
			// what the plan has stays in the menu
			expect(await menu(page)).toEqual(expect.arrayContaining(['/ops/checklists', '/reports/overview']));
			await page.context().close();
		}
	});

	test('the truck pages reached by their address say the plan has no trucks, not a grey map', async ({
		browser
	}) => {
		const page = await signedIn(browser, server.url, 'vhxh');
		for (const at of ['/ops/trucks', '/ops/routes', '/ops/replay']) {
			const response = await page.goto(at);
			expect(response?.status(), at).toBe(200);
			await expect(page.getByTestId('no-trucks'), at).toContainText('Kế hoạch này không có xe loa');
			await expect(page.locator('.leaflet-container'), at).toHaveCount(0);
			await expect(page.getByTestId('truck-list'), at).toHaveCount(0);
		}
		await page.context().close();
	});

	test('the wall display gives the truck map’s room to the panels the plan has', async ({ browser }) => {
		for (const [width, height] of [
			[1920, 1080],
			[3840, 2160]
		]) {
			const page = await signedIn(browser, server.url, 'lanhdao', width, height);
			await page.goto('/display');
			await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
			expect(await shownPanels(page)).toEqual(['alerts', 'ceremony', 'checklists', 'feed', 'reports', 'run']);
			await expect(page.locator('.leaflet-container')).toHaveCount(0);
			expect(await emptyRoom(page), `${width}×${height}`).toEqual([]);
			// one panel asked for in the address: the truck map is not there, so every panel is
			await page.goto('/display?mode=single&panel=map');
			await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
			expect(await shownPanels(page)).toEqual(['alerts', 'ceremony', 'checklists', 'feed', 'reports', 'run']);
			expect(await emptyRoom(page), `${width}×${height}, one panel: the map`).toEqual([]);
			await page.context().close();
		}
	});

	test('a display link set to the truck map, or to turns with it, skips it', async ({ browser }) => {
		const ops = await connect(server.url, await login(server.url, 'vhxh'));
		const linkId = crypto.randomUUID();
		expect(await command(ops, 'display_link.create', { name: 'Hội trường UBND' }, linkId)).toMatchObject({
			ok: true
		});
		const [{ token }] = queryDb<{ token: string }>(
			server.dbPath,
			'SELECT token FROM display_links WHERE id = ?',
			linkId
		);
		expect(
			await command(ops, 'display_link.configure', { linkId, layout: { mode: 'single', panel: 'map' } })
		).toMatchObject({ ok: true });
		const context = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 1920, height: 1080 }
		});
		const wall = await context.newPage();
		await wall.goto(`/d/${token}`);
		await expect(wall.getByTestId('connection')).toHaveAttribute('data-status', 'live');
		expect(await shownPanels(wall)).toEqual(['alerts', 'ceremony', 'checklists', 'feed', 'reports', 'run']);
		await expect(wall.locator('.leaflet-container')).toHaveCount(0);
		expect(await emptyRoom(wall)).toEqual([]);
		// in turn: the map and the run of show, every 5 seconds; only the run of show is there to show
		expect(
			await command(ops, 'display_link.configure', {
				linkId,
				layout: { mode: 'rotate', panels: ['map', 'run'], seconds: 5 }
			})
		).toMatchObject({ ok: true });
		await expect(wall.getByTestId('display')).toHaveAttribute('data-mode', 'rotate');
		for (let i = 0; i < 3; i++) {
			expect(await shownPanels(wall)).toEqual(['run']);
			await wall.waitForTimeout(2500);
		}
		await expect(wall.locator('.leaflet-container')).toHaveCount(0);
		await context.close();
		ops.close();
	});
});

test.describe('a plan without a ceremony, checklist items or a report table', () => {
	let server: TestServer;
	let dir: string;
	test.beforeAll(async () => {
		const plan = changedPlan(wardPlan, (p) => {
			delete p.ceremony;
			delete p.reportTable;
			p.checklistItems = [];
		});
		dir = plan.dir;
		server = await startServer({ scenario: plan.file, dir, env: { KHAIMAC_TILE_URL: '' } });
	});
	test.afterAll(async () => removeServer(server));

	test('no reports, gate or ceremony entries where there is nothing to open', async ({ browser }) => {
		const offered: Record<string, string[]> = {};
		for (const [username, home] of [
			['vhxh', '/ops'],
			['lanhdao', '/ops'],
			['phuong-bien-giang', '/ward'],
			['thcs-bien-giang', '/reports'],
			['cong-1', '/gate']
		]) {
			const page = await signedIn(browser, server.url, username);
			await page.goto(home);
			offered[username] = await menu(page);
			expect(
				await linksTo(page, ['/reports', '/reports/overview', '/reports/print', '/gate']),
				username
			).toEqual([]);
			await page.context().close();
		}
		expect(offered).toEqual({
			// the coordinator sets a ceremony and checklist items up on their pages: those stay
			vhxh: ['/ops', '/ops/checklists', '/ops/ceremony', '/display'],
			lanhdao: ['/display', '/ops'],
			'phuong-bien-giang': ['/ward'],
			'thcs-bien-giang': [],
			'cong-1': []
		});
	});

	test('the reports pages reached by their address say the plan has no report table and what to do', async ({
		browser
	}) => {
		for (const [username, at] of [
			['vhxh', '/reports/overview'],
			['vhxh', '/reports'],
			['vhxh', '/reports/print'],
			['thcs-bien-giang', '/reports'],
			['admin', '/reports/overview']
		]) {
			const page = await signedIn(browser, server.url, username);
			const response = await page.goto(at);
			expect(response?.status(), `${username} on ${at}`).toBe(200);
			const empty = page.getByTestId('no-report-table');
			await expect(empty, `${username} on ${at}`).toContainText(
				'Kế hoạch này không có bảng tổng hợp báo cáo'
			);
			await expect(empty, `${username} on ${at}`).toContainText('reportTable');
			await page.context().close();
		}
	});

	test('the wall display shows only the panels with something to show, filling the screen', async ({
		browser
	}) => {
		const page = await signedIn(browser, server.url, 'lanhdao', 1920, 1080);
		await page.goto('/display');
		await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
		expect(await shownPanels(page)).toEqual(['alerts', 'feed', 'run']);
		expect(await emptyRoom(page)).toEqual([]);
		await page.goto('/display?mode=rotate&panels=ceremony,reports,checklists,map&seconds=5');
		await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
		// none of the turn's panels has anything: the screen shows what there is
		expect(await shownPanels(page)).toEqual(['alerts', 'feed', 'run']);
		await page.context().close();
	});
});

test.describe('every map opens on the plan’s own area', () => {
	/** the demo plan before its routes are drawn: its trucks, units, items and ceremony place */
	let server: TestServer;
	let places: [number, number][];
	test.beforeAll(async () => {
		const plan = changedPlan(demoPlan, (p) => {
			p.routes = [];
			for (const truck of p.trucks) delete truck.routeId;
			places = [
				...p.units.flatMap((u: Plan) => (u.position ? [u.position] : [])),
				...p.checklistItems.flatMap((c: Plan) => (c.position ? [c.position] : [])),
				p.ceremony.position
			];
		});
		server = await startServer({ scenario: plan.file, dir: plan.dir, env: { KHAIMAC_TILE_URL: '' } });
	});
	test.afterAll(async () => removeServer(server));

	test('the ops room’s maps and the wall’s hold every place of the plan in their first view', async ({
		browser
	}) => {
		expect(places.length).toBeGreaterThan(50);
		const ops = await signedIn(browser, server.url, 'ttvh');
		for (const at of ['/ops/trucks', '/ops/routes', '/ops/replay']) {
			await ops.goto(at);
			const view = await viewOf(ops.locator('.leaflet-container').first());
			expect(outside(view, places), at).toEqual([]);
			// the plan's area, not the country: Quận 7 and the ceremony in Quận 1 are a few km across
			expect(view[2] - view[0], at).toBeLessThan(0.5);
		}
		// a new route is drawn where the plan is
		await ops.goto('/ops/routes');
		await ops.getByTestId('route-new').click();
		expect(outside(await viewOf(ops.locator('.route-editor-map')), places)).toEqual([]);
		await ops.context().close();

		const wall = await signedIn(browser, server.url, 'lanhdao', 1920, 1080);
		await wall.goto('/display');
		const view = await viewOf(wall.locator('[data-panel="map"] .leaflet-container'));
		expect(outside(view, places)).toEqual([]);
		expect(view[2] - view[0]).toBeLessThan(0.5);
		await wall.context().close();
	});
});

test.describe('a plan that places nothing on the map', () => {
	let server: TestServer;
	test.beforeAll(async () => {
		const plan = changedPlan(demoPlan, (p) => {
			p.routes = [];
			for (const truck of p.trucks) delete truck.routeId;
			for (const unit of p.units) delete unit.position;
			for (const item of p.checklistItems) delete item.position;
			delete p.ceremony.position;
		});
		server = await startServer({ scenario: plan.file, dir: plan.dir, env: { KHAIMAC_TILE_URL: '' } });
	});
	test.afterAll(async () => removeServer(server));

	test('its truck map says nothing is placed yet, over the whole country', async ({ browser }) => {
		const ops = await signedIn(browser, server.url, 'ttvh');
		await ops.goto('/ops/trucks');
		await expect(ops.getByTestId('map-empty')).toContainText('Kế hoạch chưa đặt điểm nào lên bản đồ');
		const [west, south, east, north] = await viewOf(ops.locator('.leaflet-container'));
		// Việt Nam from Hà Giang to Cà Mau
		expect(
			outside(
				[west, south, east, north],
				[
					[105.0, 23.3],
					[105.0, 8.6]
				]
			)
		).toEqual([]);
		await ops.context().close();
	});
});
