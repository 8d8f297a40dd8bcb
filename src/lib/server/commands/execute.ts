/**
 * The one command path: rate limit (rate-limit.ts) → validate → authorize → one transaction
 * (event appended, projections updated; commands arriving together share one commit, see
 * group-commit.ts) → broadcast after commit → answer. Form actions and socket emits both call it.
 */
import { z, zodLocale } from '$lib/zod';
import { isMessageKey, say, translate, words, type Lang, type MessageParams, type Said } from '$lib/i18n';
import { createHash } from 'node:crypto';
import { commandSchemas } from '$lib/commands';
import type { CommandResult, Problem } from '$lib/types';
import { actorLabel, audienceOf, authorize, type Actor } from '../access';
import { dayNow } from '../day-clock';
import { db } from '../db';
import { publish } from '../events/bus';
import { recordCommandTime } from '../health';
import { appendEvent, findCommand } from '../events/log';
import { canonicalJson, TooDeep } from '../canonical-json';
import { CommandError, type AnyCommandDef, type ProblemToSay } from './define';
import { commitInGroup } from './group-commit';
import { commandLimits } from './rate-limit';
import { noteRefusal } from './refusals';
import { commandDefs } from './registry';

export interface CommandContext {
	clientId?: string | null;
	ip?: string | null;
	/** set by the demo simulator: everything it causes is labelled demo */
	demo?: boolean;
	/** the language of the answer's words (the sender's), Vietnamese when not given */
	lang?: Lang;
}

const envelope = z.object({
	id: z.uuid('problems.commandId'),
	type: z.string().min(1).max(64),
	payload: z.unknown()
});

/** an issue's numbers and words ({minimum}, {maximum}, …) for its message's template */
function issueParams(issue: z.core.$ZodIssue): MessageParams {
	const params: MessageParams = {};
	for (const [name, value] of Object.entries(issue))
		if (typeof value === 'string' || typeof value === 'number') params[name] = value;
		else if (typeof value === 'bigint') params[name] = Number(value);
	return params;
}

/**
 * The problems of a checked payload in `lang`: a schema's own message is a catalogue key; the
 * rest are zod's, already in `lang` when the payload was parsed with `zodLocale(lang)`.
 */
export function problemsOf(error: z.ZodError, lang: Lang): Problem[] {
	return error.issues.map((issue) => ({
		path: issue.path
			.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
			.join(''),
		message: isMessageKey(issue.message) ? translate(lang, issue.message, issueParams(issue)) : issue.message
	}));
}

/** The command's hash, and its size (characters of the JSON the hash read). */
function hashCommand(type: string, payload: unknown): { hash: string; size: number } {
	const text = canonicalJson({ type, payload });
	return { hash: createHash('sha256').update(text).digest('hex'), size: text.length };
}

/** Problems in `lang`, with the place each names in the page's words where the command knows them. */
function described(
	def: AnyCommandDef,
	problems: ProblemToSay[] | undefined,
	lang: Lang
): Problem[] | undefined {
	if (!problems) return undefined;
	return problems.map((p) => {
		const said = { path: p.path, message: words(lang, p.message) };
		const where = def.describe?.(db(), p.path, lang);
		return where ? { ...said, where } : said;
	});
}

function refuse(
	actor: Actor,
	ctx: CommandContext,
	commandId: string | null,
	type: string | null,
	code: Exclude<CommandResult, { ok: true }>['code'],
	message: Said | string,
	problems?: Problem[]
): CommandResult {
	noteRefusal(actor, ctx.ip, commandId, type, code);
	const said = words(ctx.lang ?? 'vi', message);
	return problems ? { ok: false, code, message: said, problems } : { ok: false, code, message: said };
}

/** Refused before anything is read or written: the client waits `waitMs`, then sends it again. */
function tooFast(actor: Actor, ctx: CommandContext, waitMs: number): CommandResult {
	noteRefusal(actor, ctx.ip, null, null, 'rate_limited');
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return {
		ok: false,
		code: 'rate_limited',
		message: translate(ctx.lang ?? 'vi', 'problems.tooFast', { seconds }),
		retryInMs: waitMs
	};
}

function answerForRetry(commandId: string, hash: string, lang: Lang): CommandResult | undefined {
	const previous = findCommand(db(), commandId);
	if (!previous) return undefined;
	if (previous.hash === hash) return { ok: true, seq: previous.seq };
	return {
		ok: false,
		code: 'conflict',
		message: translate(lang, 'problems.idReused')
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
	const lang = ctx.lang ?? 'vi';
	const parsed = envelope.safeParse(input, zodLocale(lang));
	if (!parsed.success) {
		return refuse(
			actor,
			ctx,
			null,
			null,
			'bad_request',
			say('problems.badCommand'),
			problemsOf(parsed.error, lang)
		);
	}
	const { id, type, payload } = parsed.data;
	const def = commandDefs.get(type);
	if (!def) return refuse(actor, ctx, id, type, 'unknown_command', say('problems.unknownCommand', { type }));

	let hash: string;
	try {
		const hashed = hashCommand(type, payload);
		hash = hashed.hash;
		commandLimits.chargeForSize(actor, ctx, hashed.size, Date.now());
	} catch (error) {
		if (error instanceof TooDeep) return refuse(actor, ctx, id, type, 'bad_request', say('problems.tooDeep'));
		throw error;
	}
	// A copy of a command that already committed gets its first answer, even if it would be
	// refused now. The common case (a new command) is checked once, inside the transaction; a
	// refusal or a slow `prepare` checks the log first.
	const retried = () => answerForRetry(id, hash, lang);

	const checked = commandSchemas[def.type].safeParse(payload, zodLocale(lang));
	if (!checked.success) {
		return (
			retried() ??
			refuse(
				actor,
				ctx,
				id,
				type,
				'invalid',
				say('problems.invalid'),
				described(def, problemsOf(checked.error, lang), lang)
			)
		);
	}
	const value = checked.data;
	let target;
	try {
		target = def.target?.(value, db(), actor);
	} catch (error) {
		if (error instanceof CommandError)
			return retried() ?? refuse(actor, ctx, id, type, error.code, error.said);
		throw error;
	}
	if (!authorize(actor, def.action, target)) {
		return retried() ?? refuse(actor, ctx, id, type, 'forbidden', say('problems.forbidden'));
	}
	if (def.prepare) {
		const before = retried();
		if (before) return before;
	}

	try {
		const prepared = def.prepare ? await def.prepare(value, lang) : undefined;
		const now = Date.now();
		const demo = !!ctx.demo || (actor.kind === 'user' && !!actor.demo);
		const database = db();
		const outcome = await commitInGroup(
			database,
			(): CommandResult | { event: ReturnType<typeof appendEvent>; audience: string[] } => {
				// the one check of a new command; also catches a copy that committed meanwhile
				const again = retried();
				if (again) return again;
				const emit = def.apply(database, value, { actor, commandId: id, now, demo, prepared, lang });
				const audience = audienceOf(emit.audience, emit.about);
				const event = appendEvent(database, {
					commandId: id,
					commandHash: hash,
					type: emit.type,
					data: emit.data,
					audience,
					actorUserId: actor.kind === 'user' ? actor.userId : null,
					actorLabel: actorLabel(actor),
					actorRole: actor.kind === 'user' ? actor.role : actor.kind,
					clientId: ctx.clientId ?? null,
					ip: ctx.ip ?? null,
					demo,
					at: now,
					dayAt: Math.round(dayNow(database))
				});
				return { event, audience };
			}
		);
		if ('ok' in outcome) return outcome;
		publish('committed', outcome.event, outcome.audience);
		return { ok: true, seq: outcome.event.seq };
	} catch (error) {
		if (error instanceof CommandError)
			return refuse(actor, ctx, id, type, error.code, error.said, described(def, error.problems, lang));
		console.error(`[command] ${type} failed`, error);
		return {
			ok: false,
			code: 'internal',
			message: translate(lang, 'problems.internal')
		};
	}
}
