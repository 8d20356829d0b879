import * as workflow from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal?: AbortSignal) => Promise<void>;

// n8n-workflow 1.x exports sleepWithAbort; 2.x only sleep.
const sleepWithAbort = (workflow as unknown as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort;

export const cancelled = () => new Error('The execution was cancelled');

/**
 * Settles like `promise`, or rejects as soon as the execution is cancelled. The abort
 * listener is removed either way: one left behind per request would keep every request
 * alive until the execution ends.
 */
export async function unlessCancelled<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return await promise;
	if (signal.aborted) throw cancelled();
	let onAbort!: () => void;
	const aborted = new Promise<never>((_resolve, reject) => (onAbort = () => reject(cancelled())));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** Node.js fires a timer set past this (2^31 - 1 ms, about 24.8 days) after 1 ms. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Waits `ms` with n8n's own timers (n8n Cloud rules), ending early with an error on cancellation. */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw cancelled();
	if (!(ms > 0)) return;
	ms = Math.min(ms, LONGEST_TIMER_MS);
	if (sleepWithAbort && signal) return await sleepWithAbort(ms, signal);
	await unlessCancelled(workflow.sleep(ms), signal);
}
