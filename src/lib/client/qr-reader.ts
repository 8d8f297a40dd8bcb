/**
 * Reading QR codes at the gate: the browser's own BarcodeDetector where it has one (Android
 * Chrome), else the zxing-wasm based ponyfill, its WebAssembly served by us (no CDN: a venue may
 * have no internet). One detector for the page's life: scanning stays fast after hundreds of codes.
 */
import { whenControlled } from './offline-copy.svelte';
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
	// loaded now, not at the first scan: the gate may have lost its network by then
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
		},
		fireImmediately: true
	});
	return new BarcodeDetector({ formats: ['qr_code'] });
}

function detectorNow(): Promise<Detector> {
	// a detector that failed to load (no network yet) is tried again next time
	detector ??= create().catch((error: unknown) => {
		detector = null;
		throw error;
	});
	return detector;
}

/**
 * Gets the reader ready while the gate is online, so that the page kept for offline use scans too.
 * Only a browser without its own reader downloads the WebAssembly one; called once the page is idle,
 * so it never delays the page's first use.
 */
export async function warmQrReader(): Promise<void> {
	// through the service worker, which keeps what it fetches: before it controls, nothing is kept
	await whenControlled();
	await new Promise((resolve) =>
		'requestIdleCallback' in globalThis
			? requestIdleCallback(resolve, { timeout: 5000 })
			: setTimeout(resolve, 2000)
	);
	await detectorNow().catch(() => undefined);
}

/** The text of the first QR code in an image or a video frame, or null. */
export async function readQrCode(source: ImageBitmapSource): Promise<string | null> {
	const found = await (await detectorNow()).detect(source);
	return found[0]?.rawValue ?? null;
}
