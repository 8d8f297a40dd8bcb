/**
 * What a phone in the truck does while on duty: share its position (Geolocation,
 * high accuracy) into the outbox, and keep the screen awake (Wake Lock), saying plainly
 * when either is lost, because phones throttle pages that are not in front.
 */
import { live } from '$lib/client/live.svelte';
import { outbox } from '$lib/client/outbox.svelte';
import { say, type Said } from '$lib/i18n';
import { dayTime } from '$lib/time/day-clock';
import type { Fix } from '$lib/trucks/types';

export type WakeState = 'on' | 'off' | 'lost' | 'unsupported';

const geoErrors: Record<number, Said> = {
	1: say('trucks.gps.denied'),
	2: say('trucks.gps.unavailable'),
	3: say('trucks.gps.timeout')
};

export class CrewPhone {
	sharing = $state(false);
	/** said on the page in its reader's language; a browser's own message as it is */
	gpsError = $state<Said | string | null>(null);
	lastFix = $state<Fix | null>(null);
	wake = $state<WakeState>('off');
	visible = $state(true);

	#watch: number | null = null;
	#lock: WakeLockSentinel | null = null;
	#truckId = '';

	start(truckId: string): void {
		if (this.sharing) return;
		this.#truckId = truckId;
		if (!('geolocation' in navigator)) {
			this.gpsError = say('trucks.gps.unsupported');
			return;
		}
		this.sharing = true;
		this.gpsError = null;
		this.#watch = navigator.geolocation.watchPosition(
			(position) => this.#onPosition(position),
			(error) => (this.gpsError = geoErrors[error.code] ?? error.message),
			{ enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 }
		);
		void this.#keepAwake();
		document.addEventListener('visibilitychange', this.#onVisibility);
	}

	stop(): void {
		if (this.#watch !== null) navigator.geolocation.clearWatch(this.#watch);
		this.#watch = null;
		this.sharing = false;
		document.removeEventListener('visibilitychange', this.#onVisibility);
		void this.#lock?.release();
		this.#lock = null;
		this.wake = 'off';
	}

	#onPosition(position: GeolocationPosition): void {
		const { latitude, longitude, accuracy, speed } = position.coords;
		// the server's day clock, not the phone's: a phone with a wrong clock still reports right
		const fix: Fix = {
			at: Math.round(dayTime(live.day, position.timestamp + live.offset)),
			lat: latitude,
			lng: longitude,
			accuracy: Number.isFinite(accuracy) ? accuracy : null,
			speed: speed === null || !Number.isFinite(speed) ? null : speed * 3.6
		};
		this.lastFix = fix;
		this.gpsError = null;
		void outbox.addFix(this.#truckId, fix);
	}

	#onVisibility = () => {
		this.visible = document.visibilityState === 'visible';
		if (this.visible && this.sharing) void this.#keepAwake();
	};

	async #keepAwake(): Promise<void> {
		if (!('wakeLock' in navigator)) {
			this.wake = 'unsupported';
			return;
		}
		try {
			this.#lock = await navigator.wakeLock.request('screen');
			this.wake = 'on';
			this.#lock.addEventListener('release', () => {
				if (this.sharing) this.wake = 'lost';
			});
		} catch {
			this.wake = 'lost';
		}
	}
}
