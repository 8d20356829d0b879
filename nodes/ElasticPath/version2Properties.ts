import type { INodeProperties } from 'n8n-workflow';

import { accountLocator, cartLocator, customerLocator } from './actions/shared/locators';

const LOCATORS: Record<string, (replaced: INodeProperties) => INodeProperties> = {
	cartId: cartLocator,
	customerId: customerLocator,
	accountId: accountLocator,
};

function simplify(operation: 'get' | 'getAll'): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { resource: ['cart'], operation: [operation] } },
	};
}

/** A version 1 ID field as its resource locator, and the Get Many filter's customer too; other parameters unchanged. */
function withLocators(property: INodeProperties): INodeProperties {
	const toLocator = LOCATORS[property.name];
	if (toLocator && property.type === 'string') return toLocator(property);
	if (property.type === 'collection' && property.name === 'filters') {
		return { ...property, options: (property.options as INodeProperties[]).map(withLocators) };
	}
	return property;
}

/**
 * Version 2's parameters, made from version 1's so that both offer the same operations: the
 * ID fields become resource locators (same names, so one implementation reads both), and
 * Cart Get and Get Many gain Simplify.
 */
export function version2Properties(version1: INodeProperties[]): INodeProperties[] {
	return version1.flatMap((property) => {
		const shown = property.displayOptions?.show;
		const isCart = shown?.resource?.includes('cart');
		const changed = withLocators(property);
		if (isCart && property.name === 'cartId' && shown?.operation?.includes('get')) return [changed, simplify('get')];
		if (isCart && property.name === 'limit') return [changed, simplify('getAll')];
		return [changed];
	});
}
