/**
 * A unit's report as it is being typed: the text of every field, read against the template as
 * it changes (a bad cell says why at once), saved as a draft on the server a moment after the
 * typing stops and kept on this device meanwhile, so a reload or a dropped connection loses
 * nothing. Bad cells are never saved; the rest is.
 */
import { throttledFor } from '$lib/client/command-answer';
import { live } from '$lib/client/live.svelte';
import { cellsOf, formatNumber, type CellProblem } from '$lib/reports/cells';
import type { DraftView, Figures, Narrative, ReportTemplate } from '$lib/reports/types';
import { cellField, noteField, readReportForm, sectionField } from './form-fields';

export type SaveState = 'saved' | 'saving' | 'waiting' | 'refused';

export interface ReportPhoto {
	/** the upload id (the server's name for it until it is a photo) */
	id: string;
	photoId: string | null;
	preview: string | null;
	sent: number;
	size: number;
	problem: string | null;
}

interface LocalCopy {
	typed: Record<string, string>;
	photos: { id: string; photoId: string }[];
}

const saveDelayMs = 1200;

function typedFrom(template: ReportTemplate, figures: Figures, narrative: Narrative): Record<string, string> {
	const typed: Record<string, string> = {};
	for (const row of template.rows) {
		for (const cell of cellsOf(row)) typed[cellField(row.id, cell)] = formatNumber(figures[row.id]?.[cell]);
		typed[noteField(row.id)] = figures[row.id]?.note ?? '';
	}
	for (const section of template.form.sections) typed[sectionField(section.id)] = narrative[section.id] ?? '';
	return typed;
}

const sentPhoto = (id: string, photoId: string): ReportPhoto => ({
	id,
	photoId,
	preview: null,
	sent: 0,
	size: 0,
	problem: null
});

export class ReportFormState {
	typed = $state<Record<string, string>>({});
	photos = $state<ReportPhoto[]>([]);
	saveState = $state<SaveState>('saved');
	/** day time of the last draft the server kept */
	savedAt = $state<number | null>(null);
	refusal = $state<string | null>(null);

	#template: ReportTemplate;
	#unitId: string;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(template: ReportTemplate, unitId: string, draft: DraftView | null) {
		this.#template = template;
		this.#unitId = unitId;
		const local = this.#readLocal();
		if (local) {
			this.typed = local.typed;
			this.photos = local.photos.map((p) => sentPhoto(p.id, p.photoId));
		} else this.adopt(draft);
		this.savedAt = draft?.savedAt ?? null;
		// changes typed before a reload that never reached the server go now
		if (local) this.#schedule();
	}

	/**
	 * The server's draft (at the start, or saved from this unit's other screen): taken only when
	 * nothing typed here waits, so it never overwrites what someone is typing.
	 */
	adopt(draft: DraftView | null): void {
		if (this.saveState !== 'saved') return;
		this.typed = typedFrom(this.#template, draft?.figures ?? {}, draft?.narrative ?? {});
		const uploads = draft?.uploads ?? [];
		this.photos = uploads.flatMap((id, i) => {
			const photoId = draft?.photoIds[i];
			return photoId ? [sentPhoto(id, photoId)] : [];
		});
		if (draft) this.savedAt = draft.savedAt;
	}

	/** The page is closed: nothing more is sent from here (what waits is kept on the device). */
	dispose(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	read = $derived.by(() => readReportForm(this.#template, (name) => this.typed[name] ?? ''));

	/** the problem of one field, by its command path (figures.<row>.<cell>) */
	problemAt(path: string): CellProblem | undefined {
		return this.read.problems.find((p) => p.path === path);
	}

	get uploads(): string[] {
		return this.photos.filter((p) => p.photoId).map((p) => p.id);
	}

	set(name: string, value: string): void {
		this.typed[name] = value;
		this.#changed();
	}

	addPhoto(photo: ReportPhoto): void {
		this.photos.push(photo);
	}

	updatePhoto(id: string, change: Partial<ReportPhoto>): void {
		const photo = this.photos.find((p) => p.id === id);
		if (!photo) return;
		Object.assign(photo, change);
		if (change.photoId) this.#changed();
	}

	removePhoto(id: string): void {
		const photo = this.photos.find((p) => p.id === id);
		if (photo?.preview) URL.revokeObjectURL(photo.preview);
		this.photos = this.photos.filter((p) => p.id !== id);
		this.#changed();
	}

	/** The connection is back: what waits goes now. */
	resume(): Promise<void> {
		return this.saveState === 'waiting' ? this.save() : Promise.resolve();
	}

	/** Sends the draft as it is now. */
	async save(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (!live.connected) {
			this.saveState = 'waiting';
			return;
		}
		this.saveState = 'saving';
		const sent = JSON.stringify(this.typed);
		const { figures, narrative } = this.read;
		const result = await live.trySend({
			id: crypto.randomUUID(),
			type: 'report.save_draft',
			payload: { unitId: this.#unitId, figures, narrative, uploads: this.uploads }
		});
		if (!result) {
			this.saveState = 'waiting';
			return;
		}
		const wait = throttledFor(result);
		if (wait !== null) {
			// "too fast": the same draft goes again when the server says (typing meanwhile is in it)
			this.saveState = 'waiting';
			this.#schedule(wait);
			return;
		}
		if (!result.ok) {
			this.saveState = 'refused';
			this.refusal = result.message;
			return;
		}
		this.refusal = null;
		this.savedAt = Math.round(live.dayNow);
		// typing went on while it was sent: that is saved next
		if (JSON.stringify(this.typed) === sent) {
			// a bad cell is not on the server: its text stays on this device until it is mended
			if (this.read.problems.length === 0) this.#clearLocal();
			this.saveState = 'saved';
		} else this.#schedule();
	}

	#changed(): void {
		this.#writeLocal();
		this.saveState = 'waiting';
		this.#schedule();
	}

	#schedule(delayMs = saveDelayMs): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.save(), delayMs);
	}

	get #key(): string {
		return `khai-mac-report-${this.#unitId}`;
	}

	#readLocal(): LocalCopy | null {
		try {
			const copy = JSON.parse(localStorage.getItem(this.#key) ?? 'null') as Partial<LocalCopy> | null;
			return copy?.typed && Array.isArray(copy.photos) ? (copy as LocalCopy) : null;
		} catch {
			return null;
		}
	}

	#writeLocal(): void {
		try {
			const photos = this.photos.flatMap((p) => (p.photoId ? [{ id: p.id, photoId: p.photoId }] : []));
			localStorage.setItem(this.#key, JSON.stringify({ typed: this.typed, photos } satisfies LocalCopy));
		} catch {
			// no local copy (private mode, full disk): the server's draft still comes a moment later
		}
	}

	#clearLocal(): void {
		try {
			localStorage.removeItem(this.#key);
		} catch {
			// nothing kept
		}
	}
}
