import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { IdField } from './ids';

export const CART_ID: IdField = { name: 'cartId', label: 'Cart ID', inPath: true };

/*
 * A constant, not a literal: n8n's lint rule "node-param-description-miscased-json" rewrites
 * every "json" in a description literal to "JSON", and `{{ $JSON.cartId }}` evaluates to
 * nothing (expressions are case-sensitive). The package scanner ignores inline disables.
 */
const CART_ID_DESCRIPTION = 'ID of the cart. Map it from the input item with an expression, e.g. {{ $json.cartId }}.';

export function cartIdField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Cart ID',
		name: CART_ID.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5a3b2f0c-…',
		description: CART_ID_DESCRIPTION,
		displayOptions,
	};
}

/** The "Options" collection of one operation. */
export function optionsCollection(displayOptions: IDisplayOptions, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions,
		options,
	};
}

/** Shown only for one operation of one resource. */
export function showFor(resource: string, operation: string): IDisplayOptions {
	return { show: { resource: [resource], operation: [operation] } };
}

/** An options parameter that offers `Name`s only (resources or operations, each of which the router must route). */
export type SelectorOf<Name extends string> = INodeProperties & {
	options: Array<INodePropertyOptions & { value: Name }>;
	default: Name;
};

/** A resource's Operation selector. */
export function operationSelector<Name extends string>(
	resource: string,
	options: SelectorOf<Name>['options'],
	defaultOperation: Name,
): SelectorOf<Name> {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
