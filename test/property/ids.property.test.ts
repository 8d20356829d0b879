import fc from 'fast-check';

import { EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { emulatorCredentials } from '../../testkit/engine/parameters';
import { runWorkflow } from '../../testkit/engine/runWorkflow';

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

describe('any string as a cart ID or related ID', () => {
	const emulator = new EpccEmulator();
	let baseUrl = '';
	beforeAll(async () => (baseUrl = await emulator.start()));
	afterAll(async () => await emulator.stop());

	interface Target {
		name: string;
		parameters: Record<string, unknown>;
		method: string;
		/** The path after the cart segment, and the related object the body must hold (none for carts). */
		tail: string;
		related?: { type: string; field: string };
		/** The httpCode of an item that reached this emulator with a cart that does not exist ('' for success). */
		reached: string;
	}

	const association = (kind: 'customer' | 'account', operation: 'create' | 'delete'): Target => ({
		name: `${kind} association ${operation}`,
		parameters: {
			resource: `${kind}CartAssociation`,
			operation,
			cartId: '={{ $json.cartId }}',
			[`${kind}Id`]: '={{ $json.relatedId }}',
			options: {},
		},
		method: operation === 'create' ? 'POST' : 'DELETE',
		tail: `/relationships/${kind}s`,
		related: { type: kind, field: `${kind}Id` },
		reached: '404',
	});

	const targets: Target[] = [
		association('customer', 'delete'),
		association('customer', 'create'),
		association('account', 'delete'),
		association('account', 'create'),
		// Getting a cart that does not exist gives a new, empty one (as documented).
		{ name: 'cart get', parameters: { resource: 'cart', operation: 'get', cartId: '={{ $json.cartId }}', options: {} }, method: 'GET', tail: '', reached: '' },
		{ name: 'cart delete', parameters: { resource: 'cart', operation: 'delete', cartId: '={{ $json.cartId }}', options: {} }, method: 'DELETE', tail: '', reached: '404' },
	];

	it.each(targets)(
		'$name: one request per valid item, to the operation\'s path with the ID as one segment, on the configured host, no query string',
		async (target) => {
			await fc.assert(
				fc.asyncProperty(fc.array(fc.tuple(idLike, idLike), { minLength: 1, maxLength: 12 }), async (pairs) => {
					// A fresh store each run: getting a missing cart creates it, which would change what deleting it answers.
					emulator.log.length = 0;
					emulator.state.carts.clear();
					const items = pairs.map(([cartId, relatedId]) => ({ cartId, relatedId }));

					const { output, error } = await runWorkflow({
						parameters: target.parameters as never,
						items,
						credentials: emulatorCredentials(baseUrl),
						continueOnFail: true,
					});

					expect(error).toBeUndefined();
					expect(output.map((o) => o.pairedItem)).toEqual(items.map((_item, item) => ({ item })));
					const relatedOk = (i: { relatedId: string }) => !target.related || i.relatedId.trim() !== '';
					const valid = items.filter((i) => isSendable(i.cartId) && relatedOk(i));
					const requests = emulator.apiRequests();
					expect(requests).toHaveLength(valid.length);
					const expectedSegments = 4 + target.tail.split('/').length - 1;
					for (const request of requests) {
						expect(request.method).toBe(target.method);
						expect(request.headers.host).toBe(new URL(baseUrl).host);
						expect(request.query).toBe('');
						const segments = request.url.split('/');
						expect(segments).toHaveLength(expectedSegments);
						expect(segments.slice(0, 3)).toEqual(['', 'v2', 'carts']);
						expect('/' + segments.slice(4).join('/')).toBe(target.tail || '/');
						expect(segments[3]).not.toMatch(/[?#\s]/);
						if (target.related) {
							const body = JSON.parse(request.body) as { data: Array<{ type: string; id: string }> };
							expect(body.data).toHaveLength(1);
							expect(body.data[0].type).toBe(target.related.type);
						} else {
							expect(request.body).toBe('');
						}
					}
					const sent = requests.map((r) => [decodeURIComponent(r.url.split('/')[3]), target.related ? JSON.parse(r.body).data[0].id : '']).sort();
					expect(sent).toEqual(valid.map((i) => [i.cartId.trim(), target.related ? i.relatedId.trim() : '']).sort());
					// Every refused item names the wrong field; every sent one reached this emulator.
					output.forEach((o, index) => {
						const item = items[index];
						if (!isSendable(item.cartId)) expect(o.json.error).toMatch(/field "cartId"/);
						else if (!relatedOk(item)) expect(o.json.error).toMatch(new RegExp(`field "${target.related!.field}"`));
						else if (target.reached) expect(o.json.httpCode).toBe(target.reached);
						else expect(o.json.error).toBeUndefined();
					});
				}),
				{ numRuns: 15 },
			);
		},
	);
});
