import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../../transport';
import { withOwnFields } from '../shared/ownFields';

/** A cart as Elastic Path returns it (`CartResponse`): only what the node reads is typed. */
export interface EpccCart extends IDataObject {
	id: string;
}

type CartTimestamp = 'created_at' | 'updated_at' | 'expires_at';

export function asCart(value: unknown): EpccCart | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const id = (value as IDataObject).id;
	return typeof id === 'string' && id ? (value as EpccCart) : undefined;
}

/** The IDs in `relationships.customers.data[]` (or `accounts`); an empty relationship is `{}` or `data: null`. */
export function relatedIds(cart: EpccCart, relationship: 'customers' | 'accounts'): string[] {
	const relationships = cart.relationships as IDataObject | undefined;
	const data = (relationships?.[relationship] as IDataObject | undefined)?.data;
	if (!Array.isArray(data)) return [];
	return data.map((entry) => (entry as IDataObject | null)?.id).filter((id): id is string => typeof id === 'string' && id !== '');
}

/** `meta.timestamps.<name>` as epoch ms, `undefined` when missing or unreadable. */
export function timestampOf(cart: EpccCart, name: CartTimestamp): number | undefined {
	const timestamps = (cart.meta as IDataObject | undefined)?.timestamps as IDataObject | undefined;
	const value = timestamps?.[name];
	if (typeof value !== 'string') return undefined;
	const instant = Date.parse(value);
	return Number.isNaN(instant) ? undefined : instant;
}

/** How many items (lines) the cart holds, from `relationships.items.data`; 0 when it lists none. */
export function itemCountOf(cart: EpccCart): number {
	const items = asRecord(asRecord(cart.relationships)?.items)?.data;
	return Array.isArray(items) ? items.length : 0;
}

/** `meta.display_price.with_tax`: the cart's total as Elastic Path displays it (`amount` in minor units, `currency`, `formatted`). */
export function totalWithTaxOf(cart: EpccCart): IDataObject | undefined {
	return asRecord(asRecord(asRecord(cart.meta)?.display_price)?.with_tax);
}

/**
 * The cart as output: `cartId` (as in every output of the node, so the next node maps
 * `{{ $json.cartId }}` whatever produced the item), the API's fields, and its customer and
 * account IDs read from `relationships`.
 */
export function cartOutput(cart: EpccCart): IDataObject {
	return withOwnFields(
		{ cartId: cart.id },
		{ ...cart, customerIds: relatedIds(cart, 'customers'), accountIds: relatedIds(cart, 'accounts') },
	);
}
