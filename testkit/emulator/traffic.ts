/** Requests per client per 100 ms: what the store accepted (counted against its limit) and refused with 429. */
export interface ClientTraffic {
	accepted: number[];
	refused: number[];
}

export interface Traffic {
	/** Epoch ms at which bucket 0 starts (when the emulator started). */
	startedAt: number;
	bucketMs: number;
	clients: Record<string, ClientTraffic>;
}

export const BUCKET_MS = 100;

export class TrafficRecorder {
	readonly clients: Record<string, ClientTraffic> = {};

	constructor(readonly startedAt: number) {}

	record(clientId: string, at: number, outcome: keyof ClientTraffic): void {
		const client = (this.clients[clientId] ??= { accepted: [], refused: [] });
		const bucket = Math.max(0, Math.floor((at - this.startedAt) / BUCKET_MS));
		const series = client[outcome];
		while (series.length <= bucket) series.push(0);
		series[bucket]++;
	}

	snapshot(): Traffic {
		const clients: Record<string, ClientTraffic> = {};
		for (const [id, { accepted, refused }] of Object.entries(this.clients)) {
			const length = Math.max(accepted.length, refused.length);
			const pad = (series: number[]) => [...series, ...new Array<number>(length - series.length).fill(0)];
			clients[id] = { accepted: pad(accepted), refused: pad(refused) };
		}
		return { startedAt: this.startedAt, bucketMs: BUCKET_MS, clients };
	}
}
