/**
 * The photos a report's appendix takes ("kèm theo một số hình ảnh tiêu biểu"): those sent with
 * the submissions it counts, and the banner photos the coordinator accepted for its units. Each
 * with what its caption says: what, where, when.
 */
import { checklistKindKey, type ChecklistKind } from '$lib/checklists/types';
import { translate } from '$lib/i18n';
import { official } from '$lib/reports/official';
import type { ReportPhoto, ReportUnit, SubmissionView } from '$lib/reports/types';
import type { Db } from '../db';

interface StoredPhoto {
	width: number;
	height: number;
	demo: boolean;
}

interface BannerPhoto extends StoredPhoto {
	id: string;
	unitId: string;
	what: string;
	where: string;
	/** day time it was sent from the street */
	when: number;
	/** day time the coordinator accepted it */
	reviewedAt: number;
}

export interface PhotoStock {
	/** every photo the submissions took: its size and whether it is a demo's */
	stored: Map<string, StoredPhoto>;
	/** the accepted banner photos of the units, oldest first */
	banners: BannerPhoto[];
}

/**
 * The most photos one document takes: a city's 300 units with two each build in about 20 s into a
 * 37 MB file (bench:report-document); ten times that would take minutes and gigabytes.
 */
export const maxPhotos = 1000;
/** a level's document: the photos of each unit beneath it, at most */
export const photosPerUnit = 4;

/** a sheet without its appendix (the pages and the package, which show the table alone) */
export const noPhotos: PhotoStock = { stored: new Map(), banners: [] };

export function photoStock(db: Db, units: ReportUnit[], submissions: SubmissionView[]): PhotoStock {
	const ids = [...new Set(submissions.flatMap((s) => s.photoIds))];
	const rows = db
		.prepare('SELECT id, width, height, demo FROM photos WHERE id IN (SELECT value FROM json_each(?))')
		.all(JSON.stringify(ids)) as { id: string; width: number; height: number; demo: number }[];
	const unitIds = JSON.stringify(units.map((u) => u.id));
	const banners = db
		.prepare(
			`SELECT c.photo_id, c.unit_id, c.added_at, c.reviewed_at, i.spec, p.width, p.height, p.demo
			 FROM checklist_photos c
			 JOIN checklist_items i ON i.id = c.item_id
			 JOIN photos p ON p.id = c.photo_id
			 WHERE c.status = 'accepted' AND c.unit_id IN (SELECT value FROM json_each(?))
			 ORDER BY c.added_at, c.photo_id`
		)
		.all(unitIds) as {
		photo_id: string;
		unit_id: string;
		added_at: number;
		reviewed_at: number;
		spec: string;
		width: number;
		height: number;
		demo: number;
	}[];
	return {
		stored: new Map(rows.map((r) => [r.id, { width: r.width, height: r.height, demo: r.demo === 1 }])),
		banners: banners.map((r) => {
			const item = JSON.parse(r.spec) as { kind: ChecklistKind; place: string; quantity: number };
			return {
				id: r.photo_id,
				unitId: r.unit_id,
				// the document is in Vietnamese whatever the reader's language
				what: official.appendix.banner(translate('vi', checklistKindKey[item.kind]), item.quantity),
				where: item.place,
				when: r.added_at,
				reviewedAt: r.reviewed_at,
				width: r.width,
				height: r.height,
				demo: r.demo === 1
			};
		})
	};
}

/**
 * The appendix of a report: for each unit in the tree's order, the photos of its counted
 * submission, then its accepted banner photos (those accepted by `until`, for a signed table), at
 * most `perUnit` of each unit (a level's document: "một số hình ảnh tiêu biểu", not all of them)
 * and `maxPhotos` in all. A photo sent twice shows once. `leftOut`: how many did not fit.
 */
export function appendixPhotos(
	units: ReportUnit[],
	stock: PhotoStock,
	counted: SubmissionView[],
	unitIds: ReadonlySet<string>,
	{ until = null, perUnit = Infinity }: { until?: number | null; perUnit?: number } = {}
): { photos: ReportPhoto[]; leftOut: number } {
	const seen = new Set<string>();
	const bySubmission = new Map(counted.map((s) => [s.unitId, s]));
	let leftOut = 0;
	const photos = units.flatMap((unit) => {
		if (!unitIds.has(unit.id)) return [];
		const submission = bySubmission.get(unit.id);
		const sent = (submission?.photoIds ?? []).flatMap((id): ReportPhoto[] => {
			const photo = stock.stored.get(id);
			if (!photo || !submission) return [];
			return [
				{
					id,
					unitName: unit.name,
					what: official.appendix.reported(submission.version),
					where: unit.name,
					when: submission.submittedAt,
					...photo
				}
			];
		});
		const banners = stock.banners
			.filter((b) => b.unitId === unit.id && (until === null || b.reviewedAt <= until))
			.map(({ id, what, where, when, width, height, demo }) => ({
				id,
				unitName: unit.name,
				what,
				where,
				when,
				width,
				height,
				demo
			}));
		const own = [...sent, ...banners].filter((p) => !seen.has(p.id) && seen.add(p.id));
		leftOut += Math.max(0, own.length - perUnit);
		return own.slice(0, perUnit);
	});
	// past the whole document's room, the last units' photos wait for the .xlsx's list and the screens
	leftOut += Math.max(0, photos.length - maxPhotos);
	return { photos: photos.slice(0, maxPhotos), leftOut };
}
