import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

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
		return this.entries.get(key);
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

const delivered = new Recent<{ at: number; attempt: number }>();

/**
 * Whether this process already let this delivery through, at this attempt or a later one.
 * A higher attempt passes: Elastic Path retries only when it got no 2xx, which may mean that
 * n8n could not take the execution the first time; the execution's own check then decides.
 */
export function deliveredBefore(context: IWebhookFunctions, eventId: string, attempt: number, now = Date.now()): boolean {
	const key = keyOf(context, eventId, context.getMode());
	const seen = delivered.get(key, now);
	if (seen && seen.attempt >= attempt) return true;
	delivered.set(key, { at: now, attempt });
	return false;
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
