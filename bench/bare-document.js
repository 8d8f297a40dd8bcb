// The bare baseline of bench/report-document.js, in a process of its own so that its memory is
// its own: the same stored photos put in a .docx by the bare `docx` package, one image a
// paragraph, no heading, table, captions or layout. `shrink`: each first made 1,000 px at most by
// bare sharp in this process (as the photo process does for ours, same settings); `raw`: the
// stored display files as they are. Prints one JSON line: { shrinkMs, packMs, bytes, media }.
//   node bench/bare-document.js <shrink|raw> <list.json of photo files> <out.docx>
import fs from 'node:fs';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import sharp from 'sharp';

const [mode, listFile, out] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
const side = 1000;

const started = performance.now();
const images = [];
for (const file of files) {
	if (mode === 'shrink') {
		const { data, info } = await sharp(file)
			.resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 70 })
			.toBuffer({ resolveWithObject: true });
		images.push({ data, width: info.width, height: info.height });
	} else {
		const data = fs.readFileSync(file);
		const { width, height } = await sharp(data).metadata();
		images.push({ data, width, height });
	}
}
const shrunk = performance.now();
// 78 mm wide at 96 px per inch, as the appendix sets them
const width = Math.round((78 / 25.4) * 96);
const document = new Document({
	sections: [
		{
			children: images.map(
				(image) =>
					new Paragraph({
						children: [
							new ImageRun({
								type: 'jpg',
								data: image.data,
								transformation: { width, height: Math.round((width * image.height) / image.width) }
							})
						]
					})
			)
		}
	]
});
const bytes = await Packer.toBuffer(document);
fs.writeFileSync(out, bytes);
const packed = performance.now();
console.log(
	JSON.stringify({
		shrinkMs: shrunk - started,
		packMs: packed - shrunk,
		bytes: bytes.length,
		media: images.length
	})
);
