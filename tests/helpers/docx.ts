/**
 * A .docx read back as a word processor would find it: its document XML, its styles, its
 * images, and its text, paragraphs and tables as a reader sees them (cells with their merges).
 */
import { unzipFiles } from '../../src/lib/server/zip/zip-files';

export interface DocxCell {
	text: string;
	/** columns it spans (w:gridSpan), 1 when none */
	span: number;
	/** 'restart' on the first cell of a vertical merge, 'continue' on those under it */
	vMerge: 'restart' | 'continue' | null;
}

export interface Docx {
	xml: string;
	styles: string;
	/** the images under word/media, by name */
	media: Map<string, Buffer>;
	/** the paragraphs outside tables and inside them, in order, as text */
	paragraphs: string[];
	/** each table's rows of cells (tables are not nested here) */
	tables: DocxCell[][][];
	/** the first page's header, and the others' */
	headers: string[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]);

const all = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((m) => m[0]);
const textOf = (paragraph: string) =>
	unescape([...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
const paragraphsOf = (xml: string) => all(xml, /<w:p[ >][\s\S]*?<\/w:p>/g).map(textOf);

export async function readDocx(bytes: Buffer): Promise<Docx> {
	const files = await unzipFiles(bytes, 500 * 1024 * 1024);
	if (typeof files === 'string') throw new Error(`not a .docx: ${files}`);
	const xml = files.get('word/document.xml')?.toString('utf8');
	if (!xml) throw new Error('no word/document.xml');
	const tables = all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g).map((table) =>
		all(table, /<w:tr[ >][\s\S]*?<\/w:tr>/g).map((row) =>
			all(row, /<w:tc>[\s\S]*?<\/w:tc>/g).map((cell) => {
				const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell);
				return {
					text: paragraphsOf(cell).join('\n'),
					span: Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1),
					vMerge: vMerge ? (vMerge[1] === 'restart' ? 'restart' : 'continue') : null
				} satisfies DocxCell;
			})
		)
	);
	return {
		xml,
		styles: files.get('word/styles.xml')?.toString('utf8') ?? '',
		media: new Map([...files].filter(([name]) => name.startsWith('word/media/'))),
		paragraphs: paragraphsOf(xml),
		tables,
		headers: [...files]
			.filter(([name]) => /^word\/header\d+\.xml$/.test(name))
			.map(([, data]) => paragraphsOf(data.toString('utf8')).join('\n'))
	};
}
