import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/*
 * Repeated deliveries. Elastic Path delivers at least once and retries, and in queue mode one
 * event may reach two webhook processes. Two checks, neither of which rewrites the workflow's
 * static data: one in the webhook (this process's memory: free, it drops a copy before an
 * execution starts) and one in the execution, which decides: this process's memory first (exact
 * among the executions a process runs), then n8n's processed-data store (the one behind the
 * Remove Duplicates node), shared by every process, where the host has it.
 */

/** How long, and how many, event IDs each check remembers. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
export const MAX_REMEMBERED_EVENTS = 10_000;

/** Recently seen keys, oldest first, bounded by age and count. */
class Recent<V extends { at: number }> {
	private readonly entries = new Map<string, V>();

	get(key: string, now: number): V | undefined {
		this.prune(now);
		const entry = this.entries.get(key);
		return entry && entry.at > now - REMEMBER_MS ? entry : undefined;
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, value);
		while (this.entries.size > MAX_REMEMBERED_EVENTS) this.entries.delete(this.entries.keys().next().value!);
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	private prune(now: number): void {
		for (const [key, { at }] of this.entries) {
			if (at > now - REMEMBER_MS) break;
			this.entries.delete(key);
		}
	}
}

type Context = Pick<IWebhookFunctions | IExecuteFunctions, 'getWorkflow' | 'getNode'>;

const keyOf = (context: Context, eventId: string, scope: string) =>
	[scope, context.getWorkflow().id ?? '', context.getNode().id, eventId].join('\n');

/** A delivery this process let through: n8n's answer to it (its status), once n8n gave one. */
interface Delivered {
	at: number;
	answered: Promise<number | undefined>;
	status?: number;
}

const delivered = new Recent<Delivered>();

/**
 * How long a copy waits for n8n's answer to the delivery it repeats: under Elastic Path's 10 s,
 * after which nobody reads the copy's answer.
 */
const COPY_WAIT_MS = 8_000;

/** An earlier delivery n8n has neither answered nor refused for this long is taken as lost: a copy is let through. */
const LOST_AFTER_MS = 10 * 60_000;

const taken = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Registers this delivery as the one this process lets through for the event, or says which
 * earlier one it repeats. n8n answers a delivery only once it has taken its execution: the
 * answer is watched on the response, so a copy that comes while n8n has not yet answered (a
 * backlog makes Elastic Path time out and deliver again) waits for that answer instead of
 * starting another execution.
 */
function claimDelivery(context: IWebhookFunctions, eventId: string, now: number): Delivered | undefined {
	const key = keyOf(context, eventId, context.getMode());
	const earlier = delivered.get(key, now);
	if (earlier && (earlier.status === undefined || taken(earlier.status))) return earlier;
	const response = context.getResponseObject();
	const end = response.end.bind(response);
	const entry: Delivered = { at: now, answered: Promise.resolve(undefined) };
	entry.answered = new Promise((resolve) => {
		response.end = ((...args: Parameters<typeof end>) => {
			entry.status = response.statusCode;
			resolve(entry.status);
			return end(...args);
		}) as typeof response.end;
		// A connection closed before n8n answered (Elastic Path gave up after 10 s) leaves n8n's answer to come.
	});
	delivered.set(key, entry);
	return undefined;
}

/**
 * What this process did with the event before: `none` (this delivery is let through), `taken`
 * (n8n took an earlier delivery's execution: this one is a repeat) or `pending` (n8n has not
 * answered the earlier one within the copy's wait: its execution is queued behind a backlog).
 * A pending copy starts nothing: another execution would only lengthen the backlog that
 * delays the answers, and Elastic Path delivers again. A delivery n8n refused (5xx: the
 * database or the queue was down), or one unanswered for ten minutes, lets this one through.
 */
export async function earlierDelivery(context: IWebhookFunctions, eventId: string, now = Date.now()): Promise<'none' | 'taken' | 'pending'> {
	for (;;) {
		const earlier = claimDelivery(context, eventId, now);
		if (!earlier) return 'none';
		if (earlier.status === undefined && now - earlier.at >= LOST_AFTER_MS) earlier.status = 0;
		const status = earlier.status ?? (await Promise.race([earlier.answered, sleep(COPY_WAIT_MS).then(() => undefined)]));
		if (taken(status)) return 'taken';
		if (status === undefined) return 'pending';
	}
}

const claimed = new Recent<{ at: number }>();

/** Calls to the processed-data store, one at a time: it reads, changes and writes back one list, so two at once would lose one's record. */
let storeCalls: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(call: () => Promise<T>): Promise<T> {
	const result = storeCalls.then(call, call);
	storeCalls = result.catch(() => undefined);
	return result;
}

/**
 * Whether this execution is the first to act on the event: it claims the event ID in this
 * process, then records it in n8n's processed-data store. Test executions (a test listener)
 * keep to this process's memory: Elastic Path delivers the same event to the test and the
 * production integration, and the test must not make production skip it. When the store
 * fails, the event is acted on: a cleanup done twice is better than one skipped.
 */
export async function firstToAct(context: IExecuteFunctions, eventId: string, now = Date.now()): Promise<boolean> {
	const manual = context.getMode() === 'manual';
	const key = keyOf(context, eventId, manual ? 'manual' : 'run');
	if (claimed.get(key, now)) return false;
	claimed.set(key, { at: now });
	// n8n added the store in 1.6x: older hosts keep to this process's memory.
	const { helpers } = context;
	if (manual || typeof helpers.checkProcessedAndRecord !== 'function') return true;
	try {
		const { new: fresh } = await oneAtATime(
			async () => await helpers.checkProcessedAndRecord([eventId], 'node', { mode: 'entries', maxEntries: MAX_REMEMBERED_EVENTS }),
		);
		return fresh.length > 0;
	} catch {
		return true;
	}
}
