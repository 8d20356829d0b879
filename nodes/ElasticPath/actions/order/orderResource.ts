import type { IDataObject } from 'n8n-workflow';

import { asRecord, asText } from '../../transport';
import type { Listed } from '../shared/listing';
import { withOwnFields } from '../shared/ownFields';

/** The ID of an order's `relationships.customer` or `.account` (a single relationship), `undefined` when it has none. */
function relatedId(order: Listed, relationship: 'customer' | 'account'): string | undefined {
	const data = asRecord(asRecord(asRecord(order.relationships)?.[relationship])?.data);
	return asText(data?.id) || undefined;
}

/** `meta.timestamps.created_at` as epoch ms, `undefined` when missing or unreadable. */
export function createdAtOf(order: Listed): number | undefined {
	const created = asRecord(asRecord(order.meta)?.timestamps)?.created_at;
	const instant = typeof created === 'string' ? Date.parse(created) : NaN;
	return Number.isNaN(instant) ? undefined : instant;
}

/** The order as Elastic Path returns it, with `orderId` first and its customer's and account's IDs read from `relationships`. */
export function orderOutput(order: Listed): IDataObject {
	return withOwnFields({ orderId: order.id }, { ...order, customerId: relatedId(order, 'customer'), accountId: relatedId(order, 'account') });
}

/** "Simplify": what a cleanup or an agent asks of an order: its state, total, who placed it and when. */
export function simplifiedOrder(order: Listed): IDataObject {
	const meta = asRecord(order.meta);
	const customer = asRecord(order.customer);
	return {
		orderId: order.id,
		status: order.status,
		payment: order.payment,
		shipping: order.shipping,
		totalWithTax: asRecord(meta?.display_price)?.with_tax,
		customerId: relatedId(order, 'customer'),
		customer: customer ? { name: customer.name, email: customer.email } : undefined,
		accountId: relatedId(order, 'account'),
		createdAt: asRecord(meta?.timestamps)?.created_at,
	};
}

export function asOrderOutput(order: Listed, simplify: boolean): IDataObject {
	return simplify ? simplifiedOrder(order) : orderOutput(order);
}
