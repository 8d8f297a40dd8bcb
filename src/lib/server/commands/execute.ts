/**
 * The one command path: rate limit (rate-limit.ts) → validate → authorize → one transaction
 * (event appended, projections updated; commands arriving together share one commit, see
 * group-commit.ts) → broadcast after commit → answer. Form actions and socket emits both call it.
 */
import { z } from '$lib/zod';
import { createHash } from 'node:crypto';
import { commandSchemas } from '$lib/commands';
import type { CommandResult, Problem } from '$lib/types';
import { actorLabel, authorize, type Actor } from '../access';
import { dayNow } from '../day-clock';
import { db } from '../db';
import { publish } from '../events/bus';
import { recordCommandTime } from '../health';
import { appendEvent, findCommand } from '../events/log';
import { CommandError, type AnyCommandDef } from './define';
import { commitInGroup } from './group-commit';
import { commandLimits } from './rate-limit';
import { noteRefusal } from './refusals';
import { commandDefs } from './registry';

export interface CommandContext {
	clientId?: string | null;
	ip?: string | null;
	/** set by the demo simulator: everything it causes is labelled demo */
	demo?: boolean;
}

/** said when the actor may not do what the command does */
export const forbiddenMessage = 'Bạn không có quyền thực hiện thao tác này.';

const envelope = z.object({
	id: z.uuid('Mã lệnh (id) phải là UUID'),
	type: z.string().min(1).max(64),
	payload: z.unknown()
});

export function problemsOf(error: z.ZodError): Problem[] {
	return error.issues.map((issue) => ({
		path: issue.path
			.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
			.join(''),
		message: issue.message
	}));
}

/** No command nests deeper than this; a deeper payload is refused before anything recurses into it. */
const maxDepth = 32;

class TooDeep extends Error {}

/** Stable JSON (sorted keys) so the same command retried hashes the same. */
function canonical(value: unknown, depth = 0): string {
	if (depth > maxDepth) throw new TooDeep();
	if (Array.isArray(value)) return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : 1));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, depth + 1)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** The command's hash, and its size (characters of the JSON the hash read). */
function hashCommand(type: string, payload: unknown): { hash: string; size: number } {
	const text = canonical({ type, payload });
	return { hash: createHash('sha256').update(text).digest('hex'), size: text.length };
}

/** Problems with the place each names, in the page's words where the command knows them. */
function described(def: AnyCommandDef, problems: Problem[] | undefined): Problem[] | undefined {
	if (!problems || !def.describe) return problems;
	return problems.map((p) => {
		const where = def.describe!(db(), p.path);
		return where ? { ...p, where } : p;
	});
}

function refuse(
	actor: Actor,
	ctx: CommandContext,
	commandId: string | null,
	type: string | null,
	code: Exclude<CommandResult, { ok: true }>['code'],
	message: string,
	problems?: Problem[]
): CommandResult {
	noteRefusal(actor, ctx.ip, commandId, type, code);
	return problems ? { ok: false, code, message, problems } : { ok: false, code, message };
}

/** Refused before anything is read or written: the client waits `waitMs`, then sends it again. */
function tooFast(actor: Actor, ctx: CommandContext, waitMs: number): CommandResult {
	noteRefusal(actor, ctx.ip, null, null, 'rate_limited');
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return {
		ok: false,
		code: 'rate_limited',
		message: `Gửi quá nhanh, hãy thử lại sau ${seconds} giây.`,
		retryInMs: waitMs
	};
}

function answerForRetry(commandId: string, hash: string): CommandResult | undefined {
	const previous = findCommand(db(), commandId);
	if (!previous) return undefined;
	if (previous.hash === hash) return { ok: true, seq: previous.seq };
	return {
		ok: false,
		code: 'conflict',
		message: 'Mã lệnh này đã được dùng cho một thay đổi khác. Hãy tải lại trang rồi thử lại.'
	};
}

/** The one command path (sockets and forms), timed for /healthz from call to answer. */
export async function executeCommand(
	actor: Actor,
	input: unknown,
	ctx: CommandContext = {}
): Promise<CommandResult> {
	const start = performance.now();
	try {
		return await execute(actor, input, ctx);
	} finally {
		recordCommandTime(performance.now() - start);
	}
}

async function execute(actor: Actor, input: unknown, ctx: CommandContext): Promise<CommandResult> {
	// first: a flood costs one map lookup each, whatever it sends
	const waitMs = commandLimits.admit(actor, ctx, Date.now());
	if (waitMs > 0) return tooFast(actor, ctx, waitMs);
	const parsed = envelope.safeParse(input);
	if (!parsed.success) {
		return refuse(
			actor,
			ctx,
			null,
			null,
			'bad_request',
			'Lệnh không đúng định dạng.',
			problemsOf(parsed.error)
		);
	}
	const { id, type, payload } = parsed.data;
	const def = commandDefs.get(type);
	if (!def) return refuse(actor, ctx, id, type, 'unknown_command', `Không có lệnh "${type}".`);

	let hash: string;
	try {
		const hashed = hashCommand(type, payload);
		hash = hashed.hash;
		commandLimits.chargeForSize(actor, ctx, hashed.size, Date.now());
	} catch (error) {
		if (error instanceof TooDeep)
			return refuse(actor, ctx, id, type, 'bad_request', 'Dữ liệu lồng nhau quá sâu.');
		throw error;
	}
	// A copy of a command that already committed gets its first answer, even if it would be
	// refused now. The common case (a new command) is checked once, inside the transaction; a
	// refusal or a slow `prepare` checks the log first.
	const retried = () => answerForRetry(id, hash);

	const checked = commandSchemas[def.type].safeParse(payload);
	if (!checked.success) {
		return (
			retried() ??
			refuse(
				actor,
				ctx,
				id,
				type,
				'invalid',
				'Dữ liệu chưa hợp lệ, xem chi tiết từng mục.',
				described(def, problemsOf(checked.error))
			)
		);
	}
	const value = checked.data;
	let target;
	try {
		target = def.target?.(value, db());
	} catch (error) {
		if (error instanceof CommandError)
			return retried() ?? refuse(actor, ctx, id, type, error.code, error.message);
		throw error;
	}
	if (!authorize(actor, def.action, target)) {
		return retried() ?? refuse(actor, ctx, id, type, 'forbidden', forbiddenMessage);
	}
	if (def.prepare) {
		const before = retried();
		if (before) return before;
	}

	try {
		const prepared = def.prepare ? await def.prepare(value) : undefined;
		const now = Date.now();
		const demo = !!ctx.demo || (actor.kind === 'user' && !!actor.demo);
		const database = db();
		const outcome = await commitInGroup(
			database,
			(): CommandResult | { event: ReturnType<typeof appendEvent>; audience: string[] } => {
				// the one check of a new command; also catches a copy that committed meanwhile
				const again = retried();
				if (again) return again;
				const emit = def.apply(database, value, { actor, commandId: id, now, demo, prepared });
				const event = appendEvent(database, {
					commandId: id,
					commandHash: hash,
					type: emit.type,
					data: emit.data,
					audience: emit.audience,
					actorUserId: actor.kind === 'user' ? actor.userId : null,
					actorLabel: actorLabel(actor),
					actorRole: actor.kind === 'user' ? actor.role : actor.kind,
					clientId: ctx.clientId ?? null,
					ip: ctx.ip ?? null,
					demo,
					at: now,
					dayAt: Math.round(dayNow(database))
				});
				return { event, audience: emit.audience };
			}
		);
		if ('ok' in outcome) return outcome;
		publish('committed', outcome.event, outcome.audience);
		return { ok: true, seq: outcome.event.seq };
	} catch (error) {
		if (error instanceof CommandError)
			return refuse(actor, ctx, id, type, error.code, error.message, described(def, error.problems));
		console.error(`[command] ${type} failed`, error);
		return {
			ok: false,
			code: 'internal',
			message: 'Máy chủ gặp lỗi khi lưu thay đổi. Thay đổi chưa được lưu; hãy thử lại.'
		};
	}
}
