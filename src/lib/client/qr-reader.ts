/**
 * Reading QR codes at the gate: the browser's own BarcodeDetector where it has one (Android
 * Chrome), else the zxing-wasm based ponyfill, its WebAssembly served by us (no CDN: a venue may
 * have no internet). One detector for the page's life: scanning stays fast after hundreds of codes.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

interface Detector {
	detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

let detector: Promise<Detector> | null = null;

async function create(): Promise<Detector> {
	const Native = (
		globalThis as { BarcodeDetector?: typeof import('barcode-detector/ponyfill').BarcodeDetector }
	).BarcodeDetector;
	if (Native && (await Native.getSupportedFormats()).includes('qr_code'))
		return new Native({ formats: ['qr_code'] });
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
	prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
		}
	});
	return new BarcodeDetector({ formats: ['qr_code'] });
}

/** The text of the first QR code in an image or a video frame, or null. */
export async function readQrCode(source: ImageBitmapSource): Promise<string | null> {
	detector ??= create();
	const found = await (await detector).detect(source);
	return found[0]?.rawValue ?? null;
}
