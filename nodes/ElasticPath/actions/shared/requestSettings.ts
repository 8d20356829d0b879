import type { INodeProperties } from 'n8n-workflow';

/** The Request Settings panel of every operation. The transport reads its values, with the same defaults and bounds. */
export const requestSettingsDescription: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add setting',
	default: {},
	description:
		'How the node talks to Elastic Path. The defaults need no tuning: items are sent in parallel at the highest rate the store accepts, learned from its answers.',
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description:
				'Tries per request when Elastic Path is rate limiting (429), unavailable (502, 503, 504) or the connection fails. Other errors are never retried. A Retry-After of up to 60 seconds is honoured; a longer one fails the item at once.',
		},
		{
			displayName: 'Max Concurrency',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 20,
			description: 'Most requests in progress at once',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"Upper bound on the send rate, e.g. to leave room for other clients of the store. 0 means none: the node starts at 20 requests per second and settles just under the store's own limit.",
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 30000,
			description: 'How long one request may wait for an answer before it counts as failed (and is retried)',
		},
	],
};
