import type { IWebhookFunctions } from 'n8n-workflow';

import { deliveredBefore, MAX_REMEMBERED_EVENTS } from '../../../nodes/ElasticPathTrigger/repeats';

const HOUR = 3600_000;

/** A webhook context of one trigger node; `workflowId` tells triggers apart. */
const webhook = (workflowId = 'wf-1', mode = 'webhook') =>
	({ getWorkflow: () => ({ id: workflowId }), getNode: () => ({ id: 'node-1' }), getMode: () => mode }) as unknown as IWebhookFunctions;

describe('deliveredBefore: the webhook\'s check, in this process\'s memory', () => {
	it('lets an event through once; the same attempt again is a repeat', () => {
		const context = webhook('wf-once');
		expect(deliveredBefore(context, 'evt-1', 1, 0)).toBe(false);
		expect(deliveredBefore(context, 'evt-2', 1, 1)).toBe(false);
		expect(deliveredBefore(context, 'evt-1', 1, 2)).toBe(true);
	});

	it('lets a later attempt through: Elastic Path retries only what got no 2xx, so the execution decides', () => {
		const context = webhook('wf-retry');
		expect(deliveredBefore(context, 'evt-1', 1, 0)).toBe(false);
		expect(deliveredBefore(context, 'evt-1', 2, 1)).toBe(false);
		expect(deliveredBefore(context, 'evt-1', 2, 2)).toBe(true);
		expect(deliveredBefore(context, 'evt-1', 1, 3)).toBe(true);
	});

	it('keeps triggers, and test listeners, apart', () => {
		expect(deliveredBefore(webhook('wf-a'), 'evt-1', 1, 0)).toBe(false);
		expect(deliveredBefore(webhook('wf-b'), 'evt-1', 1, 0)).toBe(false);
		expect(deliveredBefore(webhook('wf-a', 'manual'), 'evt-1', 1, 0)).toBe(false);
	});

	it('forgets an event after 24 hours', () => {
		const context = webhook('wf-day');
		deliveredBefore(context, 'evt-1', 1, 0);
		expect(deliveredBefore(context, 'evt-1', 1, 23 * HOUR)).toBe(true);
		expect(deliveredBefore(context, 'evt-1', 1, 47 * HOUR + 1)).toBe(false);
	});

	it('keeps at most MAX_REMEMBERED_EVENTS, dropping the oldest first', () => {
		const context = webhook('wf-many');
		for (let n = 0; n <= MAX_REMEMBERED_EVENTS; n++) deliveredBefore(context, `evt-${n}`, 1, n);
		expect(deliveredBefore(context, `evt-${MAX_REMEMBERED_EVENTS}`, 1, MAX_REMEMBERED_EVENTS + 1)).toBe(true);
		expect(deliveredBefore(context, 'evt-0', 1, MAX_REMEMBERED_EVENTS + 2)).toBe(false);
	});

	it('treats IDs as plain strings, even those named like object properties', () => {
		const context = webhook('wf-proto');
		expect(deliveredBefore(context, '__proto__', 1, 0)).toBe(false);
		expect(deliveredBefore(context, 'constructor', 1, 0)).toBe(false);
		expect(deliveredBefore(context, '__proto__', 1, 1)).toBe(true);
	});
});
