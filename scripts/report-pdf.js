// The report document opened in a real word processor: LibreOffice (headless) converts the .docx
// to PDF, poppler reads the PDF's text back, or draws a page of it.
//
//   node scripts/report-pdf.js <report.docx>                  the PDF's text, as laid out
//   node scripts/report-pdf.js <report.docx> --png <page.png> [--page 1] [--dpi 80]
//   node scripts/report-pdf.js <report.docx> --figures        the table's two quantity columns
//
// Needs Debian's libreoffice-writer-nogui and poppler-utils (.ci/run installs them). The tests
// (tests/integration/report-document.test.ts) compare what it reads with the rolled-up table.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The .docx as a PDF beside it in a temporary folder; its path.
 * @param {string} docx
 * @returns {string}
 */
export function docxToPdf(docx) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaimac-pdf-'));
	// a profile of its own: LibreOffice refuses to start while another instance holds the user's
	execFileSync(
		'soffice',
		[
			`-env:UserInstallation=file://${dir}/profile`,
			'--headless',
			'--convert-to',
			'pdf',
			'--outdir',
			dir,
			docx
		],
		{ stdio: 'pipe', timeout: 180_000, env: { ...process.env, HOME: dir } }
	);
	const pdf = path.join(dir, `${path.basename(docx, path.extname(docx))}.pdf`);
	if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${docx}`);
	return pdf;
}

/**
 * The PDF's text, composed (NFC) as the document's was, its layout kept.
 * @param {string} pdf
 * @returns {string}
 */
export function pdfText(pdf) {
	return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).normalize(
		'NFC'
	);
}

/**
 * @param {string} pdf
 * @returns {number}
 */
export function pdfPages(pdf) {
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/**
 * One page drawn as a PNG; its path.
 * @param {string} pdf
 * @param {string} png
 */
export function renderPage(pdf, png, page = 1, dpi = 80) {
	const prefix = png.replace(/\.png$/, '');
	execFileSync('pdftoppm', [
		'-png',
		'-singlefile',
		'-r',
		String(dpi),
		'-f',
		String(page),
		'-l',
		String(page),
		pdf,
		prefix
	]);
	return `${prefix}.png`;
}

/** @type {Record<string, string>} */
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** @param {string} text */
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => entities[e]);

/**
 * @typedef {{ page: number; x: number; y: number; x2: number; text: string }} PdfWord
 */

/**
 * Every word of the PDF with its page and box (poppler's -bbox), in points.
 * @param {string} pdf
 * @returns {PdfWord[]}
 */
export function pdfWords(pdf) {
	const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024
	});
	/** @type {PdfWord[]} */
	const words = [];
	let page = 0;
	for (const m of html.matchAll(
		/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
	)) {
		if (m[0].startsWith('<page')) page++;
		else
			words.push({
				page,
				x: Number(m[1]),
				y: Number(m[2]),
				x2: Number(m[3]),
				text: unescape(m[5]).normalize('NFC')
			});
	}
	return words;
}

/**
 * The figures the table's two quantity columns show, top to bottom over its pages, as printed
 * ("1.250"). Found by where they sit, not by poppler's reading order: on each page the table's
 * header repeats ("Đơn vị", "Người", "Ghi chú" on one band); below it, a number right of "Đơn vị"
 * and left of "Người" is the first column's, one from "Người" to "Ghi chú" the second's. The
 * table ends at the line that says what its numbers are ("Xuất từ Khai Mạc …").
 * @param {string} pdf
 * @returns {{ count: string[]; people: string[] }}
 */
export function tableFigures(pdf) {
	const words = pdfWords(pdf);
	/** @param {PdfWord} a @param {PdfWord} b */
	const near = (a, b) => a.page === b.page && Math.abs(a.y - b.y) < 20;
	/** @type {{ count: string[]; people: string[] }} */
	const figures = { count: [], people: [] };
	for (const people of words.filter((w) => w.text === 'Người')) {
		const note = words.find((w) => w.text === 'Ghi' && near(w, people) && w.x > people.x);
		const measure = words.find((w) => w.text === 'vị' && near(w, people) && w.x < people.x);
		if (!note || !measure) continue;
		const ends = words.find(
			(w, i) => w.page === people.page && w.text === 'Xuất' && words[i + 1]?.text === 'từ'
		);
		const below = words
			.filter((w) => w.page === people.page && w.y > people.y + 8 && (!ends || w.y < ends.y))
			.filter((w) => /^\d{1,3}(\.\d{3})*$/.test(w.text))
			.sort((a, b) => a.y - b.y || a.x - b.x);
		for (const w of below) {
			if (w.x > measure.x2 && w.x < people.x - 4) figures.count.push(w.text);
			else if (w.x >= people.x - 4 && w.x2 < note.x - 10) figures.people.push(w.text);
		}
	}
	if (figures.count.length + figures.people.length === 0 && !words.some((w) => w.text === 'Người'))
		throw new Error('no table with "Đơn vị", "Người" and "Ghi chú" headings');
	return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [docx, ...rest] = process.argv.slice(2);
	if (!docx) {
		console.error(
			'Dùng: node scripts/report-pdf.js <báo-cáo.docx> [--png <trang.png> [--page 1] [--dpi 80]] [--figures]'
		);
		process.exit(2);
	}
	/** @param {string} name @param {string} [fallback] */
	const option = (name, fallback) => {
		const i = rest.indexOf(name);
		return i >= 0 ? rest[i + 1] : fallback;
	};
	const pdf = docxToPdf(docx);
	if (rest.includes('--png')) {
		const png = renderPage(
			pdf,
			option('--png', 'trang-1.png') ?? 'trang-1.png',
			Number(option('--page', '1')),
			Number(option('--dpi', '80'))
		);
		console.log(`✓ Trang ${option('--page', '1')}/${pdfPages(pdf)} của ${docx} vào ${png}`);
	} else if (rest.includes('--figures')) console.log(JSON.stringify(tableFigures(pdf), null, 1));
	else process.stdout.write(pdfText(pdf));
}
