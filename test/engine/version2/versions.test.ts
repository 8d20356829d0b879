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

	it('gives version 2 the same parameters, with locators for the IDs and Simplify on the cart reads', () => {
		const v1 = version1Description.properties as INodeProperties[];
		const v2 = node.getNodeType(2).description.properties;
		const described = (properties: INodeProperties[]) => properties.map((p) => `${p.name}:${JSON.stringify(p.displayOptions ?? {})}`);

		expect(described(v2).filter((p) => !p.startsWith('simple:'))).toEqual(described(v1));
		const locators = v2.filter((p) => p.type === 'resourceLocator');
		expect(locators.map((p) => p.name).sort()).toEqual(['accountId', 'accountId', 'cartId', 'cartId', 'cartId', 'cartId', 'cartId', 'cartId', 'customerId', 'customerId']);
		const filters = v2.find((p) => p.name === 'filters')!.options as INodeProperties[];
		expect(filters.find((p) => p.name === 'customerId')?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'email']);
		expect(v2.filter((p) => p.name === 'simple').map((p) => [p.default, p.displayOptions?.show?.operation])).toEqual([
			[true, ['getAll']],
			[true, ['get']],
		]);
		expect(Object.keys(node.getNodeType(2).methods?.listSearch ?? {}).sort()).toEqual(['searchAccounts', 'searchCarts', 'searchCustomers']);
	});

	it('points every "From List" mode at a listSearch method the node has', () => {
		const v2 = node.getNodeType(2);
		const all = v2.description.properties.flatMap((p) => [p, ...((p.options as INodeProperties[] | undefined) ?? [])]);
		const methods = all.flatMap((p) => p.modes ?? []).flatMap((m) => (m.typeOptions?.searchListMethod ? [m.typeOptions.searchListMethod] : []));
		expect(methods.length).toBeGreaterThanOrEqual(5);
		for (const method of methods) expect(v2.methods?.listSearch?.[method]).toEqual(expect.any(Function));
	});
});
