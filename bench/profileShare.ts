/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the benchmark uses the inspector to attribute CPU time */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
	id: number;
	callFrame: { url: string };
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/**
 * Runs `work` under V8's sampling profiler and returns the CPU time (ms) spent in functions
 * whose source file path contains `marker` (the package's own compiled code), and in all.
 */
export async function cpuInside<T>(marker: string, work: () => Promise<T>): Promise<{ result: T; insideMs: number; busyMs: number }> {
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	const result = await work();
	const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
	session.disconnect();

	const urlById = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
	let insideUs = 0;
	let busyUs = 0;
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		const url = urlById.get(id) ?? '';
		if (url) busyUs += delta;
		if (url.includes(marker)) insideUs += delta;
	});
	return { result, insideMs: insideUs / 1000, busyMs: busyUs / 1000 };
}
