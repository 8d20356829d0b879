import type { IExecuteFunctions } from 'n8n-workflow';

export interface RequestSettings {
	/** 0: no cap, the rate is learned from the store. */
	maxRequestsPerSecond: number;
	maxConcurrency: number;
	maxAttempts: number;
	timeoutMs: number;
}

export const DEFAULT_SETTINGS: RequestSettings = {
	maxRequestsPerSecond: 0,
	maxConcurrency: 20,
	maxAttempts: 5,
	timeoutMs: 30_000,
};

function whole(value: unknown, fallback: number, min: number, max = Infinity): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(number)));
}

/** The node's request settings, with defaults and bounds; read once per execution. */
export function readRequestSettings(context: IExecuteFunctions): RequestSettings {
	const raw = context.getNodeParameter('requestSettings', 0, {}) as Partial<Record<keyof RequestSettings, unknown>>;
	return {
		maxRequestsPerSecond: whole(raw.maxRequestsPerSecond, DEFAULT_SETTINGS.maxRequestsPerSecond, 0),
		maxConcurrency: whole(raw.maxConcurrency, DEFAULT_SETTINGS.maxConcurrency, 1, 100),
		maxAttempts: whole(raw.maxAttempts, DEFAULT_SETTINGS.maxAttempts, 1, 10),
		timeoutMs: whole(raw.timeoutMs, DEFAULT_SETTINGS.timeoutMs, 1000),
	};
}
