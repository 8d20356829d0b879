import fc from 'fast-check';

import { DEFAULT_CLIENT, EpccEmulator } from '../emulator/EpccEmulator';
import { runWorkflow } from '../engine/runWorkflow';

/** Strings users and broken upstream systems produce, mixed with any Unicode (lone surrogates included). */
const idLike = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 24 }),
	fc
		.array(
			fc.oneof(
				fc.constantFrom('..', '.', '/', '\\', '?', '#', '%', '%2e', '%2F', '&', '=', '@', ':', ' ', '\t', '\r\n', '\u0000', 'é', '🛒', 'http://evil.example', '//', ';', '+'),
				fc.string({ maxLength: 4 }),
			),
			{ maxLength: 6 },
		)
		.map((parts) => parts.join('')),
);

const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** What the node must do with a cart ID: refuse it, or send it as one encoded path segment. */
function isSendable(cartId: string): boolean {
	const trimmed = cartId.trim();
	return trimmed !== '' && trimmed !== '.' && trimmed !== '..' && !hasLoneSurrogate(trimmed);
}

describe('any string as a cart ID or customer ID', () => {
	const emulator = new EpccEmulator();
	let baseUrl = '';
	beforeAll(async () => (baseUrl = await emulator.start()));
	afterAll(async () => await emulator.stop());

	it.each([
		['delete', 'DELETE'],
		['create', 'POST'],
	])(
		'%s: one request per valid item, to /v2/carts/<one segment>/relationships/customers on the configured host, with exactly one customer',
		async (operation, method) => {
			await fc.assert(
				fc.asyncProperty(fc.array(fc.tuple(idLike, idLike), { minLength: 1, maxLength: 12 }), async (pairs) => {
					emulator.log.length = 0;
					const items = pairs.map(([cartId, customerId]) => ({ cartId, customerId }));

					const { output, error } = await runWorkflow({
						parameters: {
							resource: 'customerCartAssociation',
							operation,
							cartId: '={{ $json.cartId }}',
							customerId: '={{ $json.customerId }}',
							options: {},
						},
						items,
						credentials: { region: 'custom', baseUrl, authType: 'clientCredentials', ...DEFAULT_CLIENT },
						continueOnFail: true,
					});

					expect(error).toBeUndefined();
					expect(output.map((o) => o.pairedItem)).toEqual(items.map((_item, item) => ({ item })));
					const valid = items.filter((i) => isSendable(i.cartId) && i.customerId.trim() !== '');
					const requests = emulator.apiRequests();
					expect(requests).toHaveLength(valid.length);
					for (const request of requests) {
						expect(request.method).toBe(method);
						expect(request.headers.host).toBe(new URL(baseUrl).host);
						expect(request.query).toBe('');
						const segments = request.url.split('/');
						expect(segments).toHaveLength(6);
						expect([segments[1], segments[2], segments[4], segments[5]]).toEqual(['v2', 'carts', 'relationships', 'customers']);
						expect(segments[3]).not.toMatch(/[?#\s]/);
						const body = JSON.parse(request.body) as { data: Array<{ type: string; id: string }> };
						expect(body.data).toHaveLength(1);
						expect(body.data[0].type).toBe('customer');
					}
					const sent = requests.map((r) => [decodeURIComponent(r.url.split('/')[3]), JSON.parse(r.body).data[0].id]).sort();
					expect(sent).toEqual(valid.map((i) => [i.cartId.trim(), i.customerId.trim()]).sort());
					// Every refused item says which field is wrong; every sent one reached this emulator (404: no such cart).
					output.forEach((o, index) => {
						const item = items[index];
						if (!isSendable(item.cartId)) expect(o.json.error).toMatch(/field "cartId"/);
						else if (item.customerId.trim() === '') expect(o.json.error).toMatch(/field "customerId"/);
						else expect(o.json.httpCode).toBe('404');
					});
				}),
				{ numRuns: 25 },
			);
		},
	);
});
