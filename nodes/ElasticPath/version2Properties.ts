import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as cart from './actions/cart';
import { VERSION_2_FILTERS } from './actions/cart/getAll.operation';
import { INCLUDE_ITEMS_OPTION } from './actions/cart/includeItems';
import { SHARE_LISTING_OPTION } from './actions/cart/sharedListing';
import * as customer from './actions/customer';
import * as order from './actions/order';
import type { Resource } from './actions/router';
import { accountLocator, cartLocator, customerLocator } from './actions/shared/locators';
import { simplifyField } from './actions/shared/version';

const LOCATORS: Record<string, (replaced: INodeProperties) => INodeProperties> = {
	cartId: cartLocator,
	customerId: customerLocator,
	accountId: accountLocator,
};

/** The resources version 2 adds to the selector. */
const ADDED_RESOURCES: Array<INodePropertyOptions & { value: Resource }> = [
	{ name: 'Customer', value: 'customer' },
	{ name: 'Order', value: 'order' },
];

const byName = (a: { name?: string; displayName?: string }, b: { name?: string; displayName?: string }) =>
	(a.displayName ?? a.name ?? '').localeCompare(b.displayName ?? b.name ?? '');

/** Options of a selector or collection with more added, in alphabetical order as n8n lists them. */
function withOptions(property: INodeProperties, added: Array<INodeProperties | INodePropertyOptions>): INodeProperties {
	return { ...property, options: [...(property.options ?? []), ...added].sort(byName) as INodeProperties['options'] };
}

function shownFor(property: INodeProperties, resource: string, operation?: string): boolean {
	const shown = property.displayOptions?.show;
	return !!shown?.resource?.includes(resource) && (operation === undefined || !!shown?.operation?.includes(operation));
}

/**
 * What version 2 adds inside version 1's parameters: Customer and Order in the resource
 * selector, Get Items among the cart operations, Include Items on Cart Get and Get Many, and
 * the cart filters a reminder needs.
 */
function withAdditions(property: INodeProperties): INodeProperties {
	if (property.name === 'resource') return withOptions(property, ADDED_RESOURCES);
	if (property.name === 'operation' && shownFor(property, 'cart')) return withOptions(property, [cart.GET_ITEMS_OPERATION]);
	if (property.name === 'options' && shownFor(property, 'cart', 'getAll')) return withOptions(property, [INCLUDE_ITEMS_OPTION, SHARE_LISTING_OPTION]);
	if (property.name === 'options' && shownFor(property, 'cart', 'get')) return withOptions(property, [INCLUDE_ITEMS_OPTION]);
	if (property.name === 'filters' && shownFor(property, 'cart', 'getAll')) return withOptions(property, VERSION_2_FILTERS);
	return property;
}

/** An ID field as its resource locator, and the customer and account filters too; other parameters unchanged. */
function withLocators(property: INodeProperties): INodeProperties {
	const toLocator = LOCATORS[property.name];
	if (toLocator && property.type === 'string') return toLocator(property);
	if (property.type === 'collection' && property.name === 'filters') {
		return { ...property, options: (property.options as INodeProperties[]).map(withLocators) };
	}
	return property;
}

/**
 * Version 2's parameters, made from version 1's so that both offer the same operations the same
 * way: the ID fields become resource locators (same names, so one implementation reads both),
 * Cart Get and Get Many gain Simplify, and what version 2 adds comes in (resources Customer and
 * Order, Cart › Get Items, Include Items, the item and value filters). New operations and
 * resources need no new version: saved workflows never hold them.
 */
export function version2Properties(version1: INodeProperties[]): INodeProperties[] {
	const settingsAt = version1.findIndex((property) => property.name === 'requestSettings');
	const added = [...cart.getItems.description, ...customer.description, ...order.description];
	const all = [...version1.slice(0, settingsAt), ...added, ...version1.slice(settingsAt)];
	return all.flatMap((property) => {
		const shown = property.displayOptions?.show;
		const isCart = shown?.resource?.includes('cart');
		const changed = withLocators(withAdditions(property));
		if (isCart && property.name === 'cartId' && shown?.operation?.includes('get')) return [changed, simplifyField(property.displayOptions!)];
		if (isCart && property.name === 'limit') return [changed, simplifyField({ show: { resource: ['cart'], operation: ['getAll'] } })];
		return [changed];
	});
}
