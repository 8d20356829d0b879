import type { INodePropertyOptions } from 'n8n-workflow';

/** The events a cart cleanup reacts to, among those Elastic Path integrations can observe. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Account Created', value: 'account.created' },
	{ name: 'Account Deleted', value: 'account.deleted', description: 'Its carts keep pointing at it' },
	{ name: 'Account Updated', value: 'account.updated' },
	{ name: 'Cart Deleted', value: 'cart.deleted' },
	{ name: 'Cart Updated', value: 'cart.updated' },
	{ name: 'Customer Created', value: 'customer.created' },
	{ name: 'Customer Deleted', value: 'customer.deleted', description: 'Its carts keep pointing at it' },
	{ name: 'Customer Updated', value: 'customer.updated' },
	{ name: 'Order Authorized', value: 'order.authorized' },
	{ name: 'Order Cancelled', value: 'order.cancelled' },
	{ name: 'Order Created', value: 'order.created' },
	{ name: 'Order Fulfilled', value: 'order.fulfilled' },
	{ name: 'Order Paid', value: 'order.paid', description: 'The cart it came from can be detached or deleted' },
	{ name: 'Order Refunded', value: 'order.refunded' },
	{ name: 'Order Updated', value: 'order.updated' },
];

const KNOWN = new Set(EVENT_OPTIONS.map((option) => String(option.value)));

/** The selected events, checked: at least one, each one this node offers; sorted, so two selections compare equal. */
export function selectedEvents(raw: unknown): { events: string[] } | { problem: string } {
	const events = Array.isArray(raw) ? [...new Set(raw.map(String))].sort() : [];
	if (events.length === 0) return { problem: 'Select at least one event in "Events"' };
	const unknown = events.filter((event) => !KNOWN.has(event));
	if (unknown.length) return { problem: `Unknown event(s) in "Events": ${unknown.join(', ')}` };
	return { events };
}
