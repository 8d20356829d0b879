import * as workflow from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal?: AbortSignal) => Promise<void>;

// n8n-workflow 1.x exports sleepWithAbort; 2.x only sleep.
const sleepWithAbort = (workflow as unknown as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort;

/** Rejects as soon as the execution is cancelled. */
export function whenAborted(signal: AbortSignal): Promise<never> {
	return new Promise((_resolve, reject) => {
		const abort = () => reject(new Error('The execution was cancelled'));
		if (signal.aborted) abort();
		else signal.addEventListener('abort', abort, { once: true });
	});
}

/** Waits `ms` with n8n's own timers (n8n Cloud rules), ending early with an error on cancellation. */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new Error('The execution was cancelled');
	if (ms <= 0) return;
	if (sleepWithAbort) return await sleepWithAbort(ms, signal);
	await (signal ? Promise.race([workflow.sleep(ms), whenAborted(signal)]) : workflow.sleep(ms));
}
