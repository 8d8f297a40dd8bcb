/**
 * How far the server's heap may grow past what a full garbage collection left before the next
 * one (KHAIMAC_HEAP_GROWTH_PERCENT, 100: twice). V8's own factor (1.1–4×, by how fast it
 * collects) settles near 1.4× on this small heap (~35 MB live), and then, its young generation
 * grown to full size, a full collection starts again as soon as one ends: under a flood of
 * uploads two a second, the bulk of the server's 100 ms stalls (bench/abuse.js, README). V8
 * reads the flag at every collection, so setting it once the process runs is enough; 0 leaves
 * the choice to V8.
 */
import v8 from 'node:v8';
import { config } from './config';

export function setHeapGrowth(): void {
	if (config.heapGrowthPercent > 0)
		v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
}
