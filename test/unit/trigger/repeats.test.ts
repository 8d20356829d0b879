/* eslint-disable @n8n/community-nodes/no-restricted-globals -- setImmediate lets the waiting copy run before the answer comes */
import type { IWebhookFunctions } from 'n8n-workflow';

import { deliveredBefore, MAX_REMEMBERED_EVENTS } from '../../../nodes/ElasticPathTrigger/repeats';

const HOUR = 3600_000;

/** One delivery's webhook context of one trigger node, with the response n8n answers on; `workflowId` tells triggers apart. */
function delivery(workflowId = 'wf-1', mode = 'webhook') {
	const response = { statusCode: 200, ended: false, end() {
		this.ended = true;
		return this;
	} };
	const context = {
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => ({ id: 'node-1' }),
		getMode: () => mode,
		getResponseObject: () => response,
	} as unknown as IWebhookFunctions;
	/** n8n answers the delivery with `status` (after taking its execution, or failing to). */
	const answer = (status: number) => {
		response.statusCode = status;
		response.end();
	};
	return { context, answer, response };
}

describe('deliveredBefore: the webhook\'s check, in this process\'s memory', () => {
	it('lets an event through once; once n8n answered it 2xx, another copy is a repeat', async () => {
		const first = delivery('wf-once');
		expect(await deliveredBefore(first.context, 'evt-1', 0)).toBe(false);
		first.answer(200);
		expect(first.response.ended).toBe(true);

		expect(await deliveredBefore(delivery('wf-once').context, 'evt-1', 1)).toBe(true);
		expect(await deliveredBefore(delivery('wf-once').context, 'evt-2', 2)).toBe(false);
	});

	it('a copy that comes while n8n has not answered yet waits for that answer and starts nothing of its own', async () => {
		const first = delivery('wf-wait');
		expect(await deliveredBefore(first.context, 'evt-1', 0)).toBe(false);

		const copy = deliveredBefore(delivery('wf-wait').context, 'evt-1', 1);
		let settled = false;
		void copy.then(() => (settled = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		first.answer(200);

		expect(await copy).toBe(true);
	});

	it('lets the next copy through when n8n could not take the first (a 5xx: the database or the queue was down)', async () => {
		const first = delivery('wf-refused');
		expect(await deliveredBefore(first.context, 'evt-1', 0)).toBe(false);
		const waiting = deliveredBefore(delivery('wf-refused').context, 'evt-1', 1);
		first.answer(503);

		expect(await waiting).toBe(false);
		// That copy is now the one let through: a third waits for it in turn.
		expect(await deliveredBefore(delivery('wf-refused').context, 'evt-2', 2)).toBe(false);
	});

	it('keeps triggers, and test listeners, apart', async () => {
		const first = delivery('wf-a');
		expect(await deliveredBefore(first.context, 'evt-1', 0)).toBe(false);
		first.answer(200);
		const other = delivery('wf-b');
		expect(await deliveredBefore(other.context, 'evt-1', 0)).toBe(false);
		const listener = delivery('wf-a', 'manual');
		expect(await deliveredBefore(listener.context, 'evt-1', 0)).toBe(false);
	});

	it('forgets an event after 24 hours', async () => {
		const first = delivery('wf-day');
		await deliveredBefore(first.context, 'evt-1', 0);
		first.answer(200);
		expect(await deliveredBefore(delivery('wf-day').context, 'evt-1', 23 * HOUR)).toBe(true);
		expect(await deliveredBefore(delivery('wf-day').context, 'evt-1', 24 * HOUR + 1)).toBe(false);
	});

	it('keeps at most MAX_REMEMBERED_EVENTS, dropping the oldest first', async () => {
		for (let n = 0; n <= MAX_REMEMBERED_EVENTS; n++) {
			const each = delivery('wf-many');
			await deliveredBefore(each.context, `evt-${n}`, n);
			each.answer(200);
		}
		expect(await deliveredBefore(delivery('wf-many').context, `evt-${MAX_REMEMBERED_EVENTS}`, MAX_REMEMBERED_EVENTS + 1)).toBe(true);
		expect(await deliveredBefore(delivery('wf-many').context, 'evt-0', MAX_REMEMBERED_EVENTS + 2)).toBe(false);
	});

	it('treats IDs as plain strings, even those named like object properties', async () => {
		for (const id of ['__proto__', 'constructor']) {
			const first = delivery('wf-proto');
			expect(await deliveredBefore(first.context, id, 0)).toBe(false);
			first.answer(200);
		}
		expect(await deliveredBefore(delivery('wf-proto').context, '__proto__', 1)).toBe(true);
	});
});
