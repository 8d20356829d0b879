import type { Answer } from '../../testkit/emulator/jsonapi';
import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, seedPairs, useEmulator } from './fixtures';

const SECRET = 'test-client-secret';

describe('API failures', () => {
	const emulator = useEmulator();

	const cases: Array<[string, Answer, string]> = [
		[
			'400 wrong type',
			{ status: 400, body: { errors: [{ status: 400, title: 'The type does not exist or is not listed as customer' }] } },
			'Elastic Path answered 400: The type does not exist or is not listed as customer',
		],
		[
			'403 more than one customer, status as a string',
			{ status: 403, body: { errors: [{ status: '403', title: 'Cannot associate more than one customer' }] } },
			'Elastic Path answered 403: Cannot associate more than one customer',
		],
		[
			'403 invalid payload',
			{ status: 403, body: { errors: [{ status: 403, title: 'Invalid json payload' }] } },
			'Elastic Path answered 403: Invalid json payload',
		],
		[
			'422 with title and detail',
			{ status: 422, body: { errors: [{ status: 400, title: 'Cannot associate customers to carts with contact emails', detail: 'Unable to associate customers to carts with contact emails attached.' }] } },
			'Elastic Path answered 422: Cannot associate customers to carts with contact emails: Unable to associate customers to carts with contact emails attached.',
		],
		[
			'500 with a request id',
			{ status: 500, body: { errors: [{ status: 500, title: 'Internal Server Error', meta: { request_id: 'req-123' } }] } },
			'Elastic Path answered 500: Internal Server Error',
		],
		[
			'502 HTML page from a gateway',
			{ status: 502, text: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' },
			'Elastic Path answered 502: 502 Bad Gateway',
		],
		['503 empty body', { status: 503, text: '' }, 'Elastic Path answered 503 with no error details'],
		['500 invalid JSON', { status: 500, text: '{"errors": [', contentType: 'application/json' }, 'Elastic Path answered 500: {"errors": ['],
	];

	it.each(cases)('%s: the node fails with a message carrying the status and what Elastic Path said', async (_label, answer, message) => {
		seedPairs(emulator(), 1);
		emulator().failNext({ kind: 'answer', answer });

		const { error, output } = await runWorkflow({
			// One attempt: retries of 502/503 are tested on their own.
			parameters: { ...associationParameters('delete'), requestSettings: { maxAttempts: 1 } },
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect((error as unknown as { httpCode: string }).httpCode).toBe(String(answer.status));
		expect(JSON.stringify(error)).not.toContain(SECRET);
		expect(JSON.stringify(error)).not.toMatch(/ep_cc_[0-9a-f]+/);
	});

	it('puts the request id of a 500 in the description', async () => {
		seedPairs(emulator(), 1);
		emulator().failNext({ kind: 'answer', answer: cases[4][1] });

		const { error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error?.description).toContain('Request ID: req-123');
	});

	it('fails on a 401 that persists after one token refresh, with one retry only', async () => {
		seedPairs(emulator(), 1);
		const unauthorized: Answer = { status: 401, body: { errors: [{ status: 401, title: 'Unable to validate access token' }] } };
		emulator().failNext({ kind: 'answer', answer: unauthorized }, 10);

		const { error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error?.message).toBe('Elastic Path answered 401: Unable to validate access token');
		expect(error?.description).toContain('check the credential');
		// Refused, refused again in the mode where n8n renews the token, refused with the new one.
		expect(emulator().apiRequests().map((r) => r.status)).toEqual([401, 401, 401]);
		expect(emulator().tokenRequests()).toHaveLength(2);
	});

	describe('Continue On Fail', () => {
		it('turns a failed item into an error item paired with it, and the others go on', async () => {
			const items = seedPairs(emulator(), 3);
			emulator().failNext({ kind: 'answer', answer: cases[1][1] }, 1, (r) => r.url.includes('/cart-2/'));

			const { output, error } = await runWorkflow({
				parameters: associationParameters('delete'),
				items,
				credentials: clientCredentials(emulator()),
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(output).toEqual([
				{ json: { cartId: 'cart-1', customerId: 'cust-1', success: true }, pairedItem: { item: 0 } },
				{
					json: {
						error: 'Elastic Path answered 403: Cannot associate more than one customer',
						errorDescription: expect.stringContaining('customer token'),
						httpCode: '403',
						cartId: 'cart-2',
						customerId: 'cust-2',
					},
					pairedItem: { item: 1 },
				},
				{ json: { cartId: 'cart-3', customerId: 'cust-3', success: true }, pairedItem: { item: 2 } },
			]);
			expect(emulator().state.carts.get('cart-3')!.customers.size).toBe(0);
		});

		it('without it, the first failure stops the node and later items are not sent', async () => {
			const items = seedPairs(emulator(), 3);
			emulator().failNext({ kind: 'answer', answer: cases[1][1] }, 1, (r) => r.url.includes('/cart-2/'));

			const { output, error } = await runWorkflow({
				parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 1 } },
				items,
				credentials: clientCredentials(emulator()),
			});

			expect(output).toEqual([]);
			expect(error?.message).toBe('Elastic Path answered 403: Cannot associate more than one customer');
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
			expect(emulator().apiRequests().map((r) => r.url)).not.toContain('/v2/carts/cart-3/relationships/customers');
		});
	});
});
