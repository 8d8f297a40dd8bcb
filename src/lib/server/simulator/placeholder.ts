/** Demo photos: generated pictures that say plainly they are not real photos. */
import { svgToJpeg } from '../photos/image';
import { escapeHtml } from '$lib/escape';

const background: Record<string, string> = {
	co: '#b91c1c',
	phuon: '#c2410c',
	bang_ron: '#1d4ed8',
	pano: '#047857',
	ap_phich: '#7c3aed',
	khau_hieu: '#a16207'
};

export function placeholderPhoto(kind: string, lines: string[]): Promise<Buffer> {
	const text = lines
		.map(
			(line, i) =>
				`<text x="60" y="${330 + i * 70}" font-size="48" font-family="DejaVu Sans" fill="#fff">${escapeHtml(line)}</text>`
		)
		.join('');
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
		<defs><pattern id="s" width="60" height="60" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
			<rect width="30" height="60" fill="#ffffff" fill-opacity="0.08"/></pattern></defs>
		<rect width="1200" height="900" fill="${background[kind] ?? '#334155'}"/>
		<rect width="1200" height="900" fill="url(#s)"/>
		<text x="60" y="200" font-size="120" font-weight="bold" font-family="DejaVu Sans" fill="#facc15">ẢNH DEMO</text>
		${text}
	</svg>`;
	return svgToJpeg(svg);
}
