/**
 * What a refusal leaves behind. Forbidden and unauthenticated attempts go to the audit table
 * (`refusals`) and the server's log; a client sending too fast, to the log. Both are sampled: a
 * flood of the same refusal is kept as its first few a minute and then one row with the count
 * (`times`), so it cannot grow the database or the log without bound.
 */
import { actorLabel, type Actor } from '../access';
import { db } from '../db';
import { recordRefusal } from '../events/log';
import { Sampler } from './sampler';

interface Refused {
	commandId: string | null;
	type: string | null;
	code: string;
	actorLabel: string;
	ip: string | null;
}

/** refusals of one kind (actor, command type, code) written one by one each minute */
const refusalsKeptPerMinute = 20;
const minute = 60_000;

/** a line of the server's log, with how many more of the same the minute had */
const warn = (line: string, times: number) =>
	console.warn(times > 1 ? `${line} …và ${times.toLocaleString('vi-VN')} lần nữa trong phút qua` : line);

const audited = new Sampler<Refused>({
	keep: refusalsKeptPerMinute,
	windowMs: minute,
	write(refused, times) {
		const { type, code, actorLabel: who } = refused;
		warn(`[command] refused ${type} (${code}) for ${who}`, times);
		try {
			recordRefusal(db(), { ...refused, times });
		} catch (error) {
			console.error('[command] could not record a refusal', error);
		}
	}
});

const throttled = new Sampler<Refused>({
	keep: 1,
	windowMs: minute,
	write(refused, times) {
		warn(`[command] too fast: ${refused.actorLabel}`, times);
	}
});

export function noteRefusal(
	actor: Actor,
	ip: string | null | undefined,
	commandId: string | null,
	type: string | null,
	code: string
): void {
	const refused = { commandId, type, code, actorLabel: actorLabel(actor), ip: ip ?? null };
	if (code === 'forbidden' || code === 'unauthenticated')
		audited.add(`${refused.actorLabel}\n${type}\n${code}`, refused);
	else if (code === 'rate_limited') throttled.add(refused.actorLabel, refused);
}

/** Every count so far dropped (a new database in tests). */
export function forgetRefusals(): void {
	audited.clear();
	throttled.clear();
}
