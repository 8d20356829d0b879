import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Cart, StoreState } from '../../testkit/emulator/state';
import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, implicitCredentials, useEmulator } from './fixtures';

/*
 * Customer Cart Association and Account Cart Association are one factory
 * (actions/shared/cartAssociation.ts) over two kinds of related object: one suite, over both
 * kinds, both operations where they behave alike, and each operation's own cases.
 */
interface Kind {
	title: 'Customer' | 'Account';
	type: 'customer' | 'account';
	/** The related ID's field, in the parameters, the items and the output. */
	idField: 'customerId' | 'accountId';
	relationship: 'customers' | 'accounts';
	/** IDs of the related object: `${prefix}-1`, … */
	prefix: string;
	/** The token option and credential field, and the header it is sent in (as the emulator receives it). */
	tokenOption: 'customerToken' | 'accountToken';
	tokenHeader: string;
	known(state: StoreState, id: string): void;
	issueToken(state: StoreState, id: string): string;
	/** What Elastic Path answers a token of another customer or account, and a cart with contact emails. */
	forbidden: string;
	contactEmails: string;
}

/** What follows from the related object's name: its field, relationship, token option and IDs. */
function named(title: Kind['title'], prefix: string, tokenHeader: string) {
	const type = title === 'Customer' ? 'customer' : 'account';
	return { title, type, idField: `${type}Id`, relationship: `${type}s`, prefix, tokenOption: `${type}Token`, tokenHeader } as const;
}

const KINDS: Kind[] = [
	{
		...named('Customer', 'cust', 'x-moltin-customer-token'),
		known: (state, id) => void state.addCustomer(id),
		issueToken: (state, id) => state.issueCustomerToken(id),
		forbidden: 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request',
		contactEmails: 'Elastic Path answered 422: Cannot associate customers to carts with contact emails: Unable to associate customers to carts with contact emails attached.',
	},
	{
		...named('Account', 'acc', 'ep-account-management-authentication-token'),
		known: (state, id) => void state.addAccount(id),
		issueToken: (state, id) => state.issueAccountToken(id),
		forbidden: 'Elastic Path answered 403: Account does not have the required permissions to fulfill this request',
		contactEmails: 'Elastic Path answered 422: Cannot associate accounts to carts with contact emails: Unable to associate accounts to carts with contact emails attached.',
	},
];

interface Operation {
	name: 'create' | 'delete';
	title: (kind: Kind) => string;
	method: 'POST' | 'DELETE';
	/** What Elastic Path answers when it makes the change. */
	status: number;
	/** A cart for the operation to work on: empty for an add (the related object known to the store), holding it for a removal. */
	seed(state: StoreState, kind: Kind, cartId: string, relatedId: string): void;
	/** The cart's related IDs once the operation has made its change. */
	after: (relatedId: string) => string[];
}

const OPERATIONS: Operation[] = [
	{
		name: 'create',
		title: (kind) => `Add ${kind.title} To Cart`,
		method: 'POST',
		status: 200,
		seed: (state, kind, cartId, relatedId) => {
			state.addCart(cartId);
			kind.known(state, relatedId);
		},
		after: (relatedId) => [relatedId],
	},
	{
		name: 'delete',
		title: (kind) => `Remove ${kind.title} From Cart`,
		method: 'DELETE',
		status: 204,
		seed: (state, kind, cartId, relatedId) => void state.addCart(cartId, { [kind.relationship]: [relatedId] }),
		after: () => [],
	},
];

describe.each(KINDS)('$title Cart Association', (kind) => {
	const emulator = useEmulator();
	const id = (n: number) => `${kind.prefix}-${n}`;
	const parameters = (operation: Operation['name'], options: INodeParameters = {}) => associationParameters(operation, options, kind.type);
	const item = (cartId: string, relatedId: string, extra: IDataObject = {}): IDataObject => ({ cartId, [kind.idField]: relatedId, ...extra });
	const held = (cartId: string) => [...(emulator().state.carts.get(cartId) as Cart)[kind.relationship]];
	const path = (cartId: string) => `/v2/carts/${cartId}/relationships/${kind.relationship}`;

	describe.each(OPERATIONS)('the same for both operations: $name', (operation) => {
		it('sends exactly the documented request and makes the change', async () => {
			operation.seed(emulator().state, kind, 'cart-1', id(1));

			const { output, error } = await runWorkflow({
				parameters: parameters(operation.name),
				items: [item('cart-1', id(1))],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output).toEqual([{ json: item('cart-1', id(1), { success: true }), pairedItem: { item: 0 } }]);
			const [request] = emulator().apiRequests();
			expect([request.method, request.url, request.status]).toEqual([operation.method, path('cart-1'), operation.status]);
			expect(JSON.parse(request.body)).toEqual({ data: [{ type: kind.type, id: id(1) }] });
			expect(request.headers['content-type']).toBe('application/json');
			expect(request.headers.authorization).toMatch(/^Bearer ep_cc_/);
			expect(request.headers[kind.tokenHeader]).toBeUndefined();
			expect(held('cart-1')).toEqual(operation.after(id(1)));
		});

		it('trims padded IDs in the path and in the body', async () => {
			operation.seed(emulator().state, kind, 'cart-1', id(1));

			const { output } = await runWorkflow({
				parameters: parameters(operation.name),
				items: [item('  cart-1\t', `\n ${id(1)}  `)],
				credentials: clientCredentials(emulator()),
			});

			expect(output[0].json).toEqual(item('cart-1', id(1), { success: true }));
			const [request] = emulator().apiRequests();
			expect(request.url).toBe(path('cart-1'));
			expect(JSON.parse(request.body).data[0].id).toBe(id(1));
		});

		it('keeps a hostile cart ID in its path segment', async () => {
			operation.seed(emulator().state, kind, '../../oauth/access_token', id(1));

			const { output } = await runWorkflow({
				parameters: parameters(operation.name),
				items: [item('../../oauth/access_token', id(1))],
				credentials: clientCredentials(emulator()),
			});

			expect(output[0].json.success).toBe(true);
			expect(emulator().apiRequests()[0].url).toBe(path('..%2F..%2Foauth%2Faccess_token'));
		});

		it(`sends the credential's ${kind.type} token, and the item's ${kind.title} Token option instead when set`, async () => {
			operation.seed(emulator().state, kind, 'cart-1', id(1));
			operation.seed(emulator().state, kind, 'cart-2', id(2));
			const credentialToken = kind.issueToken(emulator().state, id(1));
			const itemToken = kind.issueToken(emulator().state, id(2));

			const { output, error } = await runWorkflow({
				parameters: parameters(operation.name, { [kind.tokenOption]: '={{ $json.token }}' }),
				items: [item('cart-1', id(1), { token: '' }), item('cart-2', id(2), { token: ` ${itemToken} ` })],
				credentials: implicitCredentials(emulator(), { [kind.tokenOption]: credentialToken }),
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.success)).toEqual([true, true]);
			const tokenByCart = Object.fromEntries(emulator().apiRequests().map((r) => [r.url.split('/')[3], r.headers[kind.tokenHeader]]));
			expect(tokenByCart).toEqual({ 'cart-1': credentialToken, 'cart-2': itemToken });
			expect(JSON.stringify(output)).not.toContain(itemToken);
		});

		it(`is refused (403) with another ${kind.type}'s token, without showing the token`, async () => {
			operation.seed(emulator().state, kind, 'cart-1', id(1));
			const before = held('cart-1');
			const token = kind.issueToken(emulator().state, id(2));

			const { error } = await runWorkflow({
				parameters: parameters(operation.name),
				items: [item('cart-1', id(1))],
				credentials: implicitCredentials(emulator(), { [kind.tokenOption]: token }),
			});

			expect(error?.message).toBe(kind.forbidden);
			expect(error?.message + (error?.description ?? '')).not.toContain(token);
			expect(held('cart-1')).toEqual(before);
		});
	});

	describe(`Add ${kind.title} To Cart`, () => {
		it('counts 204 (already associated) as success', async () => {
			emulator().state.addCart('cart-1', { [kind.relationship]: [id(1)] });

			const { output } = await runWorkflow({
				parameters: parameters('create'),
				items: [item('cart-1', id(1))],
				credentials: clientCredentials(emulator()),
			});

			expect(emulator().apiRequests()[0].status).toBe(204);
			expect(output[0].json).toEqual(item('cart-1', id(1), { success: true }));
		});

		it.each([
			['an empty body', { status: 200, text: '' }],
			['a null body', { status: 200, text: 'null', contentType: 'application/json' }],
		])('counts a 200 with %s as success', async (_label, answer) => {
			emulator().failNext({ kind: 'answer', answer });

			const { output, error } = await runWorkflow({
				parameters: parameters('create'),
				items: [item('cart-1', id(1))],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output[0].json).toEqual(item('cart-1', id(1), { success: true }));
		});

		it('reports the 422 Elastic Path gives for carts with contact emails', async () => {
			emulator().state.addCart('cart-1', { contactEmail: 'shopper@example.com' });
			kind.known(emulator().state, id(1));

			const { error } = await runWorkflow({
				parameters: parameters('create'),
				items: [item('cart-1', id(1))],
				credentials: clientCredentials(emulator()),
			});

			expect(error?.message).toBe(kind.contactEmails);
		});
	});

	describe(`Remove ${kind.title} From Cart`, () => {
		it('gives one output per input item, in order, each paired with its input', async () => {
			const items = [1, 2, 3, 4, 5].map((n) => {
				emulator().state.addCart(`cart-${n}`, { [kind.relationship]: [id(n)] });
				return item(`cart-${n}`, id(n));
			});

			const { output } = await runWorkflow({ parameters: parameters('delete'), items, credentials: clientCredentials(emulator()) });

			expect(output.map((o) => [o.json.cartId, o.pairedItem])).toEqual(items.map((input, index) => [input.cartId, { item: index }]));
			expect(emulator().apiRequests()).toHaveLength(5);
			expect(items.every((input) => held(input.cartId as string).length === 0)).toBe(true);
		});

		describe('when the association, cart or related object does not exist (undocumented: an option decides)', () => {
			it('fails with the 404 by default', async () => {
				const { error } = await runWorkflow({
					parameters: parameters('delete'),
					items: [item('no-such-cart', id(1))],
					credentials: clientCredentials(emulator()),
				});

				expect(error?.message).toBe('Elastic Path answered 404: Not Found: Cart not found');
			});

			it('counts it as removed, flagged notFound, with "Treat Not Found as Success"', async () => {
				const { output, error } = await runWorkflow({
					parameters: parameters('delete', { treatNotFoundAsSuccess: true }),
					items: [item('no-such-cart', id(1))],
					credentials: clientCredentials(emulator()),
				});

				expect(error).toBeUndefined();
				expect(output[0].json).toEqual(item('no-such-cart', id(1), { success: true, notFound: true }));
			});
		});

		it('names the item and the field of bad IDs; with Continue On Fail each failed item keeps its IDs and the others go on', async () => {
			emulator().state.addCart('cart-1', { [kind.relationship]: [id(1)] });
			emulator().state.addCart('cart-4', { [kind.relationship]: [id(4)] });

			const { output, error } = await runWorkflow({
				parameters: parameters('delete'),
				items: [item('cart-1', id(1)), item('cart-2', '  '), item('..', id(3)), item('missing', id(9)), item('cart-4', id(4))],
				credentials: clientCredentials(emulator()),
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
				[item('cart-1', id(1), { success: true }), { item: 0 }],
				[{ error: `${kind.title} ID is empty (item 1, field "${kind.idField}")`, errorDescription: expect.any(String), ...item('cart-2', '') }, { item: 1 }],
				[{ error: 'Cart ID cannot be "." or ".." (item 2, field "cartId")', errorDescription: expect.any(String), ...item('..', id(3)) }, { item: 2 }],
				[
					{ error: 'Elastic Path answered 404: Not Found: Cart not found', errorDescription: expect.any(String), httpCode: '404', ...item('missing', id(9)) },
					{ item: 3 },
				],
				[item('cart-4', id(4), { success: true }), { item: 4 }],
			]);
			// Items run concurrently: which request came first does not matter.
			expect(emulator().apiRequests().map((r) => r.url).sort()).toEqual([path('cart-1'), path('cart-4'), path('missing')]);
		});
	});
});
