/* eslint-disable @n8n/community-nodes/no-restricted-globals -- setImmediate lets the waiting copy run before the answer comes */
import type { IWebhookFunctions } from 'n8n-workflow';

import { earlierDelivery, MAX_REMEMBERED_EVENTS } from '../../../nodes/ElasticPathTrigger/repeats';

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

describe('earlierDelivery: the webhook\'s check, in this process\'s memory', () => {
	it('lets an event through once; once n8n answered it 2xx, another copy is a repeat', async () => {
		const first = delivery('wf-once');
		expect(await earlierDelivery(first.context, 'evt-1', 0)).toBe('none');
		first.answer(200);
		expect(first.response.ended).toBe(true);

		expect(await earlierDelivery(delivery('wf-once').context, 'evt-1', 1)).toBe('taken');
		expect(await earlierDelivery(delivery('wf-once').context, 'evt-2', 2)).toBe('none');
	});

	it('a copy that comes while n8n has not answered yet waits for that answer and starts nothing of its own', async () => {
		const first = delivery('wf-wait');
		expect(await earlierDelivery(first.context, 'evt-1', 0)).toBe('none');

		const copy = earlierDelivery(delivery('wf-wait').context, 'evt-1', 1);
		let settled = false;
		void copy.then(() => (settled = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		first.answer(200);

		expect(await copy).toBe('taken');
	});

	it('lets the next copy through when n8n could not take the first (a 5xx: the database or the queue was down)', async () => {
		const first = delivery('wf-refused');
		expect(await earlierDelivery(first.context, 'evt-1', 0)).toBe('none');
		const waiting = earlierDelivery(delivery('wf-refused').context, 'evt-1', 1);
		first.answer(503);

		expect(await waiting).toBe('none');
		// That copy is now the one let through: a third waits for it in turn.
		expect(await earlierDelivery(delivery('wf-refused').context, 'evt-2', 2)).toBe('none');
	});

	it('answers a copy "pending" when n8n has not answered the first within 8 s (a backlog), and starts nothing for it', async () => {
		jest.useFakeTimers();
		try {
			const first = delivery('wf-backlog');
			expect(await earlierDelivery(first.context, 'evt-1', 0)).toBe('none');
			const copy = earlierDelivery(delivery('wf-backlog').context, 'evt-1', 1);
			await jest.advanceTimersByTimeAsync(7_999);
			let settled = false;
			void copy.then(() => (settled = true));
			await jest.advanceTimersByTimeAsync(0);
			expect(settled).toBe(false);
			await jest.advanceTimersByTimeAsync(1);
			expect(await copy).toBe('pending');

			// The first is still the one let through: once n8n took it, later copies are repeats.
			first.answer(200);
			expect(await earlierDelivery(delivery('wf-backlog').context, 'evt-1', 2)).toBe('taken');
		} finally {
			jest.useRealTimers();
		}
	});

	it('lets a copy through when the first has had no answer for ten minutes: n8n lost it', async () => {
		const first = delivery('wf-lost');
		expect(await earlierDelivery(first.context, 'evt-1', 0)).toBe('none');

		expect(await earlierDelivery(delivery('wf-lost').context, 'evt-1', 10 * 60_000)).toBe('none');
	});

	it('keeps triggers, and test listeners, apart', async () => {
		const first = delivery('wf-a');
		expect(await earlierDelivery(first.context, 'evt-1', 0)).toBe('none');
		first.answer(200);
		const other = delivery('wf-b');
		expect(await earlierDelivery(other.context, 'evt-1', 0)).toBe('none');
		const listener = delivery('wf-a', 'manual');
		expect(await earlierDelivery(listener.context, 'evt-1', 0)).toBe('none');
	});

	it('forgets an event after 24 hours', async () => {
		const first = delivery('wf-day');
		await earlierDelivery(first.context, 'evt-1', 0);
		first.answer(200);
		expect(await earlierDelivery(delivery('wf-day').context, 'evt-1', 23 * HOUR)).toBe('taken');
		expect(await earlierDelivery(delivery('wf-day').context, 'evt-1', 24 * HOUR + 1)).toBe('none');
	});

	it('keeps at most MAX_REMEMBERED_EVENTS, dropping the oldest first', async () => {
		for (let n = 0; n <= MAX_REMEMBERED_EVENTS; n++) {
			const each = delivery('wf-many');
			await earlierDelivery(each.context, `evt-${n}`, n);
			each.answer(200);
		}
		expect(await earlierDelivery(delivery('wf-many').context, `evt-${MAX_REMEMBERED_EVENTS}`, MAX_REMEMBERED_EVENTS + 1)).toBe('taken');
		expect(await earlierDelivery(delivery('wf-many').context, 'evt-0', MAX_REMEMBERED_EVENTS + 2)).toBe('none');
	});

	it('treats IDs as plain strings, even those named like object properties', async () => {
		for (const id of ['__proto__', 'constructor']) {
			const first = delivery('wf-proto');
			expect(await earlierDelivery(first.context, id, 0)).toBe('none');
			first.answer(200);
		}
		expect(await earlierDelivery(delivery('wf-proto').context, '__proto__', 1)).toBe('taken');
	});
});
