import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asText } from '../../transport';
import { eqCondition } from '../shared/filterConditions';
import { filterReader } from '../shared/filterFields';
import type { IdField } from '../shared/ids';
import { optionalId } from '../shared/ids';
import type { Listed } from '../shared/listing';
import { createdAtOf } from './orderResource';

/** The Filters of Order › Get Many: Elastic Path's own order filters that a cleanup needs. */
export const ORDER_FILTERS: INodeProperties[] = [
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		default: '',
		description: "Only this account's orders (eq(account_id,…))",
	},
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description: 'Only orders created after this date and time',
	},
	{
		displayName: 'Created Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description: 'Only orders created before this date and time',
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		description: "Only this customer's orders (eq(customer_id,…))",
	},
	{
		displayName: 'Payment',
		name: 'payment',
		type: 'options',
		options: [
			{ name: 'Authorized', value: 'authorized' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Partially Authorized', value: 'partially_authorized' },
			{ name: 'Partially Paid', value: 'partially_paid' },
			{ name: 'Refunded', value: 'refunded' },
			{ name: 'Unpaid', value: 'unpaid' },
		],
		default: 'paid',
		description: 'Only orders with this payment status',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Complete', value: 'complete' },
			{ name: 'Incomplete', value: 'incomplete' },
			{ name: 'Processing', value: 'processing' },
		],
		default: 'complete',
		description: 'Only orders with this status',
	},
];

export interface OrderFilters {
	/** The `filter=` conditions Elastic Path applies. */
	conditions: string[];
	/** Epoch ms: the API filters dates by the day, the node to the instant. */
	createdAfter?: number;
	createdBefore?: number;
}

const DAY_MS = 24 * 3600 * 1000;

const dayOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * The days sent for the dates (`YYYY-MM-DD`, UTC): from the day "after" falls in, up to the
 * end of the day "before" falls in (or its midnight). Whether Elastic Path compares dates by
 * the day or with midnight, these keep every order the instants keep; the node then drops
 * those of the same days outside them.
 */
function dateConditions({ createdAfter, createdBefore }: OrderFilters): string[] {
	const conditions: string[] = [];
	if (createdAfter !== undefined) conditions.push(`ge(created_at,${dayOf(createdAfter)})`);
	if (createdBefore !== undefined) {
		const midnight = createdBefore - (((createdBefore % DAY_MS) + DAY_MS) % DAY_MS);
		conditions.push(`lt(created_at,${dayOf(midnight === createdBefore ? midnight : midnight + DAY_MS)})`);
	}
	return conditions;
}

/** An ID or option value as an exact condition (`filters.<name>`), when set. */
function exact(context: IExecuteFunctions, itemIndex: number, field: IdField, apiField: string, value: unknown): string[] {
	const text = asText(value)?.trim();
	return text ? [eqCondition(context, itemIndex, field, apiField, text)] : [];
}

const CUSTOMER: IdField = { name: 'filters.customerId', label: 'Customer ID' };
const ACCOUNT: IdField = { name: 'filters.accountId', label: 'Account ID' };

/** One item's filters, read and checked (a customer given by email is looked up): errors name the item and the field. */
export async function readOrderFilters(context: IExecuteFunctions, itemIndex: number): Promise<OrderFilters> {
	const { raw, date, checkRange } = filterReader(context, itemIndex);
	const filters: OrderFilters = {
		conditions: [],
		createdAfter: date('createdAfter', 'Created After'),
		createdBefore: date('createdBefore', 'Created Before'),
	};
	checkRange({ name: 'createdAfter', label: 'Created After', at: filters.createdAfter }, { label: 'Created Before', at: filters.createdBefore }, 'order');
	filters.conditions = [
		...exact(context, itemIndex, CUSTOMER, 'customer_id', await optionalId(context, itemIndex, CUSTOMER)),
		...exact(context, itemIndex, ACCOUNT, 'account_id', await optionalId(context, itemIndex, ACCOUNT)),
		...exact(context, itemIndex, { name: 'filters.payment', label: 'Payment' }, 'payment', raw.payment),
		...exact(context, itemIndex, { name: 'filters.status', label: 'Status' }, 'status', raw.status),
		...dateConditions(filters),
	];
	return filters;
}

/** Whether an order was created within the instants asked; one that cannot be dated matches no date filter. */
export function createdWithin(order: Listed, { createdAfter, createdBefore }: OrderFilters): boolean {
	if (createdAfter === undefined && createdBefore === undefined) return true;
	const created = createdAtOf(order);
	if (created === undefined) return false;
	return (createdAfter === undefined || created > createdAfter) && (createdBefore === undefined || created < createdBefore);
}
