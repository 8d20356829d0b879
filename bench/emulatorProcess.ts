/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a benchmark helper process in plain Node.js */
import type { EmulatorOptions } from '../testkit/emulator/EpccEmulator';
import { EpccEmulator, isApiRequest } from '../testkit/emulator/EpccEmulator';

/** What the benchmark learns from the store after a scenario. */
export interface StoreStats {
	apiRequests: number;
	throttled: number;
	byStatus: Record<string, number>;
	maxInFlight: number;
	tokenRequests: number;
}

export type Command =
	/** `pairs` carts `cart-<n>` holding customer `cust-<n>`, or with no customer when `emptyCarts` (for Delete Cart). */
	| { type: 'start'; options: EmulatorOptions; pairs: number; emptyCarts?: boolean }
	| { type: 'stats' }
	| { type: 'traffic' }
	| { type: 'stop' };

/*
 * The emulator in its own process, so that the benchmark's CPU and memory figures are the
 * node's and the engine's alone. Driven over IPC by bench/emulatorClient.ts.
 */
let emulator: EpccEmulator | undefined;

function stats(): StoreStats {
	const api = emulator!.log.filter(isApiRequest);
	const byStatus: Record<string, number> = {};
	for (const request of api) {
		const key = request.status === undefined ? (request.fault ?? 'none') : String(request.status);
		byStatus[key] = (byStatus[key] ?? 0) + 1;
	}
	return {
		apiRequests: api.length,
		throttled: api.filter((r) => r.status === 429).length,
		byStatus,
		maxInFlight: emulator!.maxInFlight,
		tokenRequests: emulator!.log.length - api.length,
	};
}

process.on('message', (command: Command) => {
	void (async () => {
		if (command.type === 'start') {
			emulator = new EpccEmulator(command.options);
			// The benchmark keeps no request bodies: 20,000 of them would only measure the emulator.
			for (let n = 1; n <= command.pairs; n++) emulator.state.addCart(`cart-${n}`, command.emptyCarts ? {} : { customers: [`cust-${n}`] });
			process.send!({ baseUrl: await emulator.start() });
		} else if (command.type === 'stats') {
			process.send!(stats());
		} else if (command.type === 'traffic') {
			process.send!(emulator!.traffic());
		} else {
			await emulator?.stop();
			process.send!({ stopped: true });
			process.exit(0);
		}
	})();
});
