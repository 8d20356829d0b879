import { cartResource } from '../../../testkit/emulator/carts';
import type { Answer } from '../../../testkit/emulator/jsonapi';
import {
	cartParameters,
	clientCredentials,
	DAY,
	implicitCredentials,
	listingOffsets,
	MINUTE,
	seedCarts,
	useEmulator,
} from '../fixtures';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('Cart › Get Many', () => {
	const emulator = useEmulator();

	const getAll = (extra: Record<string, unknown> = {}) => cartParameters('getAll', { returnAll: true, ...extra });

	describe('paging', () => {
		it('reads every page, 100 carts at a time, newest first, and stops after a short page', async () => {
			const ids = seedCarts(emulator(), 250, { newest: NOW });

			const { output, error } = await runWorkflow({
				parameters: getAll(),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(listingOffsets(emulator())).toEqual([0, 100, 200]);
			expect(output.map((o) => o.json.id)).toEqual(ids);
			expect(output.every((o) => o.pairedItem && (o.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(emulator().apiRequests().every((r) => r.headers['x-moltin-customer-token'] === undefined)).toBe(true);
		});

		it('asks once more after a full last page, and loses nothing', async () => {
			const ids = seedCarts(emulator(), 200, { newest: NOW });

			const { output } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: clientCredentials(emulator()) });

			expect(listingOffsets(emulator())).toEqual([0, 100, 200]);
			expect(output.map((o) => o.json.id)).toEqual(ids);
		});

		it('outputs each cart as Elastic Path gives it, with its cartId and its customer and account IDs', async () => {
			const cart = emulator().state.addCart('cart-1', { customers: ['cust-1', 'cust-2'], accounts: ['acc-1'], updatedAt: NOW });

			const { output } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: clientCredentials(emulator()) });

			expect(output.map((o) => o.json)).toEqual([
				{
					cartId: 'cart-1',
					...JSON.parse(JSON.stringify(cartResource(cart, emulator().baseUrl))),
					customerIds: ['cust-1', 'cust-2'],
					accountIds: ['acc-1'],
				},
			]);
		});

		it('stops at the limit when Return All is off', async () => {
			seedCarts(emulator(), 250, { newest: NOW });

			const { output } = await runWorkflow({
				parameters: cartParameters('getAll', { returnAll: false, limit: 5 }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => o.json.id)).toEqual(['cart-1', 'cart-2', 'cart-3', 'cart-4', 'cart-5']);
			expect(listingOffsets(emulator())).toEqual([0]);
		});

		it('advances by what it received when the API caps the page size', async () => {
			seedCarts(emulator(), 60, { newest: NOW });
			// A store that gives 25 carts per page whatever page[limit] says.
			emulator().beforeHandle = (request) => {
				if (request.path === '/v2/carts') request.query = request.query.replace('page%5Blimit%5D=100', 'page%5Blimit%5D=25');
			};

			const { output } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: clientCredentials(emulator()) });

			expect(output).toHaveLength(60);
			expect(emulator().apiRequests().map((r) => new URLSearchParams(r.query).get('page[offset]'))).toEqual(['0', '25', '50']);
		});
	});

	describe('at the 10,000 offset limit', () => {
		const CARTS = 10_250;

		it('says in the output where the listing was cut when Elastic Path refuses to page further', async () => {
			seedCarts(emulator(), CARTS, { newest: NOW });

			const { output, error, run } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: clientCredentials(emulator()) });

			expect(error).toBeUndefined();
			const offsets = listingOffsets(emulator());
			expect(offsets).toHaveLength(102);
			expect(offsets.slice(-3)).toEqual([9_900, 10_000, 10_100]);
			expect(emulator().apiRequests().at(-1)!.status).toBe(400);
			expect(output).toHaveLength(10_101);
			expect(output[10_099].json.id).toBe('cart-10100');
			expect(output[10_100].json).toEqual({
				listingCut: true,
				message:
					'The cart listing was cut at offset 10100: Elastic Path refused the page (HTTP 400: Bad Request: page[offset] must be less than or equal to 10000). 10100 carts were read (Elastic Path reports a total of 10250); the carts after them, the least recently updated ones, were not read.',
				advice: expect.stringContaining('show_all_carts'),
				offset: 10_100,
				cartsRead: 10_100,
				reportedTotal: CARTS,
			});
			expect(run.data.resultData.runData['Elastic Path'][0].hints).toEqual([
				expect.objectContaining({ message: output[10_100].json.message, type: 'warning' }),
			]);
		});

		it('fails with the same words instead, with "When the Listing Is Cut" set to Fail', async () => {
			seedCarts(emulator(), CARTS, { newest: NOW });

			const { output, error } = await runWorkflow({
				parameters: getAll({ options: { whenCut: 'fail' } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output).toEqual([]);
			expect(error?.message).toMatch(/^The cart listing was cut at offset 10100: Elastic Path refused the page \(HTTP 400/);
			expect(error?.description).toContain('show_all_carts');
		});

		describe('with a store that answers past it', () => {
			const permissive = useEmulator({ beyondMaxOffset: 'allow' });

			it('goes on to the end', async () => {
				const ids = seedCarts(permissive(), CARTS, { newest: NOW });

				const { output, error } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: clientCredentials(permissive()) });

				expect(error).toBeUndefined();
				expect(listingOffsets(permissive()).slice(-3)).toEqual([10_000, 10_100, 10_200]);
				expect(output.map((o) => o.json.id)).toEqual(ids);
			});
		});

		describe('with a store that repeats its last allowed page past it', () => {
			const repeating = useEmulator({ beyondMaxOffset: 'repeat' });

			it('calls it a cut rather than loop or stop silently', async () => {
				seedCarts(repeating(), CARTS, { newest: NOW });

				const { output } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: clientCredentials(repeating()) });

				expect(listingOffsets(repeating()).slice(-2)).toEqual([10_000, 10_100]);
				expect(output).toHaveLength(10_101);
				expect(output.at(-1)!.json).toMatchObject({
					listingCut: true,
					offset: 10_100,
					cartsRead: 10_100,
					message: expect.stringContaining('Elastic Path answered with carts already read'),
				});
			});
		});
	});

	describe('filters', () => {
		beforeEach(() => {
			const state = emulator().state;
			state.addCart('fresh-with-customer', { customers: ['cust-1'], updatedAt: NOW - 1 * DAY });
			state.addCart('fresh-anonymous', { updatedAt: NOW - 2 * DAY });
			state.addCart('stale-with-customers', { customers: ['cust-1', 'cust-2'], updatedAt: NOW - 40 * DAY });
			state.addCart('stale-anonymous', { updatedAt: NOW - 50 * DAY, expiresAt: NOW + DAY });
			state.addCart('stale-other-customer', { customers: ['cust-3'], updatedAt: NOW - 60 * DAY });
		});

		it.each([
			['updated before', { updatedBefore: iso(NOW - 30 * DAY) }, ['stale-with-customers', 'stale-anonymous', 'stale-other-customer']],
			['updated after', { updatedAfter: iso(NOW - 45 * DAY) }, ['fresh-with-customer', 'fresh-anonymous', 'stale-with-customers']],
			['updated between', { updatedAfter: iso(NOW - 55 * DAY), updatedBefore: iso(NOW - 30 * DAY) }, ['stale-with-customers', 'stale-anonymous']],
			// Expiry is 7 days after the last update, except where the store set it otherwise.
			['expires before', { expiresBefore: iso(NOW - 20 * DAY) }, ['stale-with-customers', 'stale-other-customer']],
			['only carts with customers', { withCustomers: true }, ['fresh-with-customer', 'stale-with-customers', 'stale-other-customer']],
			['a customer ID', { customerId: ' cust-1 ' }, ['fresh-with-customer', 'stale-with-customers']],
			['stale with customers', { updatedBefore: iso(NOW - 30 * DAY), withCustomers: true }, ['stale-with-customers', 'stale-other-customer']],
		])('%s', async (_label, filters, expected) => {
			const { output, error } = await runWorkflow({
				parameters: getAll({ filters }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.id)).toEqual(expected);
		});

		it('takes a Luxon date from an expression such as $now.minus(...)', async () => {
			emulator().state.addCart('ten-days-old', { customers: ['cust-9'], updatedAt: Date.now() - 10 * DAY });
			emulator().state.addCart('forty-days-old', { customers: ['cust-9'], updatedAt: Date.now() - 40 * DAY });

			const { output, error } = await runWorkflow({
				parameters: getAll({ filters: { updatedBefore: '={{ $now.minus({ days: 30 }) }}', customerId: 'cust-9' } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.id)).toEqual(['forty-days-old']);
		});

		it.each([
			['a word', { updatedBefore: 'last month' }, 'Updated Before is not a date ("last month"; use e.g. 2026-01-31T00:00:00Z) (item 0, field "filters.updatedBefore")'],
			['an impossible date', { expiresBefore: '2026-02-30' }, 'Expires Before is not a valid date ("2026-02-30") (item 0, field "filters.expiresBefore")'],
			['an empty range', { updatedAfter: iso(NOW), updatedBefore: iso(NOW - DAY) }, 'Updated After is not earlier than Updated Before (item 0, field "filters.updatedAfter")'],
		])('refuses %s before sending anything', async (_label, filters, message) => {
			const { error } = await runWorkflow({ parameters: getAll({ filters }), items: [{}], credentials: clientCredentials(emulator()) });

			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(emulator().log).toHaveLength(0);
		});
	});

	describe('"updated before" and "updated after" against the newest-first order', () => {
		// 300 carts, one a minute: cart-1 is the newest.
		beforeEach(() => void seedCarts(emulator(), 300, { newest: NOW }));

		it('"updated before" selects the tail of the listing, so it reads every page', async () => {
			const { output } = await runWorkflow({
				parameters: getAll({ filters: { updatedBefore: iso(NOW - 280 * MINUTE + 1) } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => o.json.id)).toEqual(Array.from({ length: 21 }, (_, i) => `cart-${280 + i}`));
			expect(listingOffsets(emulator())).toEqual([0, 100, 200, 300]);
		});

		it('"updated after" stops at the first page that reaches older carts', async () => {
			const { output } = await runWorkflow({
				parameters: getAll({ filters: { updatedAfter: iso(NOW - 120 * MINUTE - 1) } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output).toHaveLength(120);
			expect(listingOffsets(emulator())).toEqual([0, 100]);
		});

		it('"updated after" reads on when a page is out of order: stopping early would not be safe', async () => {
			// The first two pages as a store that did not sort would send them: the matching carts (1 to 50) on page two.
			const cart = (n: number) => cartResource(emulator().state.carts.get(`cart-${n}`)!, emulator().baseUrl);
			const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
			const page = (numbers: number[]): Answer => ({
				status: 200,
				body: { data: numbers.map(cart), links: {}, meta: { page: { limit: 100 }, results: { total: 300 } } },
			});
			emulator().failNext({ kind: 'answer', answer: page([60, ...range(51, 59), ...range(61, 150)]) }, 1, (r) => r.path === '/v2/carts');
			emulator().failNext({ kind: 'answer', answer: page([...range(1, 50), ...range(151, 200)]) }, 1, (r) => r.path === '/v2/carts');

			const { output } = await runWorkflow({
				parameters: getAll({ filters: { updatedAfter: iso(NOW - 50 * MINUTE - 1) } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => o.json.id)).toEqual(range(1, 50).map((n) => `cart-${n}`));
			expect(listingOffsets(emulator())).toEqual([0, 100, 200, 300]);
		});
	});

	describe('one item per cart and customer', () => {
		beforeEach(() => {
			emulator().state.addCart('two-customers', { customers: ['cust-1', 'cust-2'], updatedAt: NOW - MINUTE });
			emulator().state.addCart('no-customer', { updatedAt: NOW - 2 * MINUTE });
			emulator().state.addCart('one-customer', { customers: ['cust-3'], accounts: ['acc-1'], updatedAt: NOW - 3 * MINUTE });
		});

		it('gives cartId and customerId first, then the cart, and nothing for carts without customers', async () => {
			const { output } = await runWorkflow({
				parameters: getAll({ options: { output: 'cartCustomerPair' } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => [o.json.cartId, o.json.customerId, o.json.id])).toEqual([
				['two-customers', 'cust-1', 'two-customers'],
				['two-customers', 'cust-2', 'two-customers'],
				['one-customer', 'cust-3', 'one-customer'],
			]);
			expect(Object.keys(output[2].json).slice(0, 2)).toEqual(['cartId', 'customerId']);
			expect(output[2].json).toMatchObject({ customerIds: ['cust-3'], accountIds: ['acc-1'], type: 'cart' });
		});

		it('filtered by a customer, gives only that customer\'s pairs', async () => {
			const { output } = await runWorkflow({
				parameters: getAll({ filters: { customerId: 'cust-2' }, options: { output: 'cartCustomerPair' } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => [o.json.cartId, o.json.customerId])).toEqual([['two-customers', 'cust-2']]);
		});

		it('counts the limit in output items', async () => {
			const { output } = await runWorkflow({
				parameters: cartParameters('getAll', { returnAll: false, limit: 2, options: { output: 'cartCustomerPair' } }),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => o.json.customerId)).toEqual(['cust-1', 'cust-2']);
		});
	});

	describe('tokens', () => {
		it('explains, when the token cannot list carts, which tokens can', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'] });

			const { error } = await runWorkflow({ parameters: getAll(), items: [{}], credentials: implicitCredentials(emulator()) });

			expect(error?.message).toBe('Elastic Path answered 403: Customer does not have the required permissions to fulfill this request');
			expect(error?.description).toContain('Listing carts needs a Client Credentials credential');
			expect(error?.description).toContain('customer token');
		});

		it("lists one customer's carts with the item's customer token", async () => {
			emulator().state.addCart('mine', { customers: ['cust-1'], updatedAt: NOW });
			emulator().state.addCart('theirs', { customers: ['cust-2'], updatedAt: NOW });
			const token = emulator().state.issueCustomerToken('cust-1');

			const { output } = await runWorkflow({
				parameters: getAll({ options: { customerToken: '={{ $json.token }}' } }),
				items: [{ token }],
				credentials: implicitCredentials(emulator()),
			});

			expect(output.map((o) => o.json.id)).toEqual(['mine']);
			expect(emulator().apiRequests()[0].headers['x-moltin-customer-token']).toBe(token);
			expect(JSON.stringify(output)).not.toContain(token);
		});

		it("lists one account's carts with the credential's account token", async () => {
			emulator().state.addCart('ours', { accounts: ['acc-1'], updatedAt: NOW });
			emulator().state.addCart('other', { accounts: ['acc-2'], updatedAt: NOW });
			const accountToken = emulator().state.issueAccountToken('acc-1');

			const { output } = await runWorkflow({
				parameters: getAll(),
				items: [{}],
				credentials: implicitCredentials(emulator(), { accountToken }),
			});

			expect(output.map((o) => o.json.id)).toEqual(['ours']);
			expect(emulator().apiRequests()[0].headers['ep-account-management-authentication-token']).toBe(accountToken);
		});
	});

	it('lists once per input item, each output paired with its item', async () => {
		emulator().state.addCart('a', { customers: ['cust-1'], updatedAt: NOW });
		emulator().state.addCart('b', { customers: ['cust-2'], updatedAt: NOW - MINUTE });

		const { output } = await runWorkflow({
			parameters: getAll({ filters: { customerId: '={{ $json.customer }}' } }),
			items: [{ customer: 'cust-2' }, { customer: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output.map((o) => [o.json.id, o.pairedItem])).toEqual([
			['b', { item: 0 }],
			['a', { item: 1 }],
		]);
	});
});
