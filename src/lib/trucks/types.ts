/**
 * Loudspeaker trucks (xe loa): the shapes shared by the server, the crew phone, the ops map
 * and the wall display.
 */
import type { MessageKey } from '$lib/i18n';
import type { Area } from './geometry';

/** chưa xuất phát, đang chạy, dừng, sự cố, mất tín hiệu, hoàn thành */
/** Positions one track answer carries at most (~0.5 MB, a short turn of the server's loop); a replay asks page after page. */
export const trackPageLimit = 20_000;

export const truckStatuses = ['idle', 'moving', 'stopped', 'incident', 'lost', 'finished'] as const;
export type TruckStatus = (typeof truckStatuses)[number];

/** each status's name on screen: `t(truckStatusKey[status])` */
export const truckStatusKey = {
	idle: 'trucks.status.idle',
	moving: 'trucks.status.moving',
	stopped: 'trucks.status.stopped',
	incident: 'trucks.status.incident',
	lost: 'trucks.status.lost',
	finished: 'trucks.status.finished'
} as const satisfies Record<TruckStatus, MessageKey>;

/** Marker colours, distinguishable on a dark wall screen and a light laptop map. */
export const truckStatusColor: Record<TruckStatus, string> = {
	idle: '#94a3b8',
	moving: '#16a34a',
	stopped: '#f59e0b',
	incident: '#dc2626',
	lost: '#7c3aed',
	finished: '#2563eb'
};

/** late at a checkpoint, off the route, no position for a while, the crew pressed "sự cố" */
export type AlertKind = 'late' | 'off_route' | 'stale' | 'incident';

/** A position as the phone's Geolocation gives it. */
export interface Fix {
	/** device time, ms since epoch */
	at: number;
	lat: number;
	lng: number;
	/** metres */
	accuracy: number | null;
	/** km/h */
	speed: number | null;
}

export interface CheckpointView {
	id: string;
	name: string;
	/** [lng, lat] */
	position: [number, number];
	plannedAt: number;
	/** metres from the route's start, along the line */
	alongM: number;
	reachedAt: number | null;
}

export interface RouteView {
	id: string;
	name: string;
	/** [lng, lat][] */
	coordinates: [number, number][];
	lengthM: number;
	checkpoints: CheckpointView[];
}

export interface TruckView {
	id: string;
	name: string;
	unitId: string;
	unitName: string;
	plate: string | null;
	crew: { name: string; phone?: string } | null;
	routeId: string | null;
	status: TruckStatus;
	incidentNote: string | null;
	position: Fix | null;
	/** when the server received the last fix */
	receivedAt: number | null;
	/** 0..1 along the route */
	progress: number | null;
	/** metres from the route line */
	offRouteM: number | null;
	nextCheckpointId: string | null;
	/** expected arrival at the next checkpoint, ms */
	eta: number | null;
	/** seconds behind plan (negative: ahead) */
	delaySeconds: number | null;
	startedAt: number | null;
	finishedAt: number | null;
	/** 0..1 of the route driven so far */
	coverage: number | null;
}

/**
 * One batched frame a second to the ops room and displays, holding only the trucks that moved
 * or changed (packed for the wire: position-frame.ts). Each entry: [truck index in the page's list, lat×1e5, lng×1e5, km/h, progress ‰, status index].
 */
export interface PositionFrame {
	t: number;
	p: [number, number, number, number, number, number][];
}

/** What a replay of the trucks starts with (the ops room's and the wall's): the reader's level's trucks and routes. */
export interface ReplaySetup {
	/** the map's first view: the plan's places */
	area: Area | null;
	routes: RouteView[];
	trucks: { id: string; name: string; unitName: string }[];
	/** the range offered first, day time ms */
	defaultFrom: number;
	defaultTo: number;
	tileUrl: string | null;
	attribution: string;
}
