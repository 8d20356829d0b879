/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the harness stops the n8n processes it started */
import type { ChildProcess } from 'node:child_process';

/** Stops a process started `detached` and everything it started (its group): SIGTERM, then SIGKILL after 15 s. */
export async function stopProcessGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, name);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const killer = setTimeout(() => signal('SIGKILL'), 15_000);
	await exited;
	clearTimeout(killer);
}
