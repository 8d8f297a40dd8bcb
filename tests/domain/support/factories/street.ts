/**
 * Places on a straight street running east in Quận 7, in metres: enough geometry to say
 * "40 m before the checkpoint" or "150 m off the route" and mean it. Distances agree with
 * Turf's (the same Earth radius) to well under a metre at these scales.
 */
import type { Fix } from '../../../../src/lib/trucks/types';

const origin: [number, number] = [106.7, 10.73];
const earthRadiusM = 6371008.8;
const mPerDegLat = (earthRadiusM * Math.PI) / 180;
const mPerDegLng = mPerDegLat * Math.cos((origin[1] * Math.PI) / 180);

/** [lng, lat] `alongM` metres east along the street, `northM` metres north of it (off to the side). */
export function onStreet(alongM: number, northM = 0): [number, number] {
	return [origin[0] + alongM / mPerDegLng, origin[1] + northM / mPerDegLat];
}

/** A phone's position at that place and time, at parade pace unless told. */
export function fixAt(place: [number, number], at: number, speedKmh: number | null = 12): Fix {
	return { at, lng: place[0], lat: place[1], accuracy: 5, speed: speedKmh };
}
