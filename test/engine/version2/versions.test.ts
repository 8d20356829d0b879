import type { INodeProperties } from 'n8n-workflow';

import { ElasticPath } from '../../../testkit/engine/runWorkflow';
import version1Description from '../../fixtures/version1-description.json';

/** Workflows saved with version 1 must run unchanged: its description is what the package published before version 2. */
describe('the node versions', () => {
	const node = new ElasticPath();
	const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

	it('makes version 2 the default for new nodes and keeps version 1', () => {
		expect(node.description.defaultVersion).toBe(2);
		expect(Object.keys(node.nodeVersions).map(Number)).toEqual([1, 2]);
		expect(node.getNodeType().description.version).toBe(2);
	});

	it('keeps version 1 exactly as published (test/fixtures/version1-description.json, built from the last version-1-only release)', () => {
		expect(plain(node.getNodeType(1).description)).toEqual(version1Description);
		expect(node.getNodeType(1).methods).toBeUndefined();
	});

	const described = (properties: INodeProperties[]) => properties.map((p) => `${p.name}:${JSON.stringify(p.displayOptions ?? {})}`);
	/** Parameters of what version 2 adds: resources Customer and Order, Cart › Get Items. */
	const isAdded = (p: INodeProperties) =>
		['customer', 'order'].some((resource) => p.displayOptions?.show?.resource?.includes(resource)) || !!p.displayOptions?.show?.operation?.includes('getItems');
	const optionNames = (p: INodeProperties | undefined) => ((p?.options ?? []) as Array<{ name: string; displayName?: string }>).map((o) => o.displayName ?? o.name);

	it('gives version 2 version 1\'s parameters in the same order, with locators for the IDs and Simplify on the reads', () => {
		const v1 = version1Description.properties as INodeProperties[];
		const v2 = node.getNodeType(2).description.properties;

		expect(described(v2.filter((p) => p.name !== 'simple' && !isAdded(p)))).toEqual(described(v1));
		const locators = v2.filter((p) => p.type === 'resourceLocator');
		expect(locators.map((p) => p.name).sort()).toEqual(['accountId', 'accountId', 'cartId', 'cartId', 'cartId', 'cartId', 'cartId', 'cartId', 'cartId', 'customerId', 'customerId', 'customerId']);
		const filters = v2.find((p) => p.name === 'filters')!.options as INodeProperties[];
		expect(filters.find((p) => p.name === 'customerId')?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'email']);
		expect(v2.filter((p) => p.name === 'simple').map((p) => [p.default, p.displayOptions?.show?.resource?.[0], p.displayOptions?.show?.operation?.[0]])).toEqual([
			[true, 'cart', 'getAll'],
			[true, 'cart', 'get'],
			[true, 'cart', 'getItems'],
			[true, 'customer', 'get'],
			[true, 'customer', 'getAll'],
			[true, 'order', 'getAll'],
			[true, 'order', 'get'],
		]);
		expect(Object.keys(node.getNodeType(2).methods?.listSearch ?? {}).sort()).toEqual(['searchAccounts', 'searchCarts', 'searchCustomers']);
	});

	it('adds Customer and Order (Get, Get Many), Cart › Get Items, Include Items and the item and value filters to version 2 only', () => {
		const v1 = version1Description.properties as INodeProperties[];
		const v2 = node.getNodeType(2).description.properties;
		const cartSelector = (properties: INodeProperties[]) => properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('cart'));
		const collection = (properties: INodeProperties[], name: string, resource: string, operation: string) =>
			properties.find((p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));

		expect(optionNames(v1.find((p) => p.name === 'resource'))).toEqual(['Account Cart Association', 'Cart', 'Customer Cart Association']);
		expect(optionNames(v2.find((p) => p.name === 'resource'))).toEqual(['Account Cart Association', 'Cart', 'Customer', 'Customer Cart Association', 'Order']);
		expect(optionNames(cartSelector(v1))).toEqual(['Delete', 'Get', 'Get Many']);
		expect(optionNames(cartSelector(v2))).toEqual(['Delete', 'Get', 'Get Items', 'Get Many']);
		expect(optionNames(collection(v2, 'options', 'cart', 'get'))).toEqual(['Account Token', 'Customer Token', 'Include Items']);
		expect(optionNames(collection(v2, 'options', 'cart', 'getAll'))).toEqual(['Account Token', 'Customer Token', 'Include Items', 'Output', 'Share a Listing Started After', 'When the Listing Is Cut']);
		expect(optionNames(collection(v2, 'filters', 'cart', 'getAll'))).toEqual([
			'Customer',
			'Expires Before',
			'Only Carts With Customers',
			'Only Carts With Items',
			'Updated After',
			'Updated Before',
			'Worth at Least',
		]);
		expect(optionNames(collection(v2, 'filters', 'order', 'getAll'))).toEqual(['Account', 'Created After', 'Created Before', 'Customer', 'Payment', 'Status']);
		const orderFilters = collection(v2, 'filters', 'order', 'getAll')!.options as INodeProperties[];
		expect(orderFilters.filter((p) => p.type === 'resourceLocator').map((p) => [p.name, p.modes?.map((m) => m.name)])).toEqual([
			['accountId', ['list', 'id']],
			['customerId', ['list', 'id', 'email']],
		]);
		expect(described(v2.filter(isAdded))).toEqual(
			[
				['cartId', 'cart', 'getItems'], ['simple', 'cart', 'getItems'], ['options', 'cart', 'getItems'],
				['operation', 'customer'], ['customerId', 'customer', 'get'], ['simple', 'customer', 'get'],
				['listingNotice', 'customer', 'getAll'], ['returnAll', 'customer', 'getAll'], ['limit', 'customer', 'getAll', false], ['filters', 'customer', 'getAll'], ['simple', 'customer', 'getAll'], ['options', 'customer', 'getAll'],
				['operation', 'order'], ['listingNotice', 'order', 'getAll'], ['returnAll', 'order', 'getAll'], ['limit', 'order', 'getAll', false], ['filters', 'order', 'getAll'], ['simple', 'order', 'getAll'], ['options', 'order', 'getAll'],
				['orderId', 'order', 'get'], ['simple', 'order', 'get'], ['options', 'order', 'get'],
			].map(([name, resource, operation, returnAll]) =>
				`${name as string}:${JSON.stringify({ show: { resource: [resource], ...(operation ? { operation: [operation] } : {}), ...(returnAll === false ? { returnAll: [false] } : {}) } })}`,
			),
		);
	});

	it('points every "From List" mode at a listSearch method the node has', () => {
		const v2 = node.getNodeType(2);
		const all = v2.description.properties.flatMap((p) => [p, ...((p.options as INodeProperties[] | undefined) ?? [])]);
		const methods = all.flatMap((p) => p.modes ?? []).flatMap((m) => (m.typeOptions?.searchListMethod ? [m.typeOptions.searchListMethod] : []));
		expect(methods.length).toBeGreaterThanOrEqual(5);
		for (const method of methods) expect(v2.methods?.listSearch?.[method]).toEqual(expect.any(Function));
	});
});
