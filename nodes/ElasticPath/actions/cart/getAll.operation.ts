import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runsAsTool } from '../shared/asTool';
import { optionsCollection, showFor } from '../shared/fields';
import type { IdField } from '../shared/ids';
import { optionalId } from '../shared/ids';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { wantsSimplified } from '../shared/version';
import { RESOURCE } from './common';
import { CUT_ADVICE, cutMessage, LISTING_NEEDS, listCarts } from './listCarts';
import { DOCUMENTED_MAX_OFFSET } from './paging';
import { readFilters } from './readFilters';

const show = showFor(RESOURCE, 'getAll');

export const description: INodeProperties[] = [
	{
		displayName: LISTING_NEEDS,
		name: 'listingNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show.show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				description:
					"Only carts associated with this customer. The API has no such filter: the node reads each cart's customers.",
			},
			{
				displayName: 'Expires Before',
				name: 'expiresBefore',
				type: 'dateTime',
				default: '',
				description: 'Only carts whose expiry date (meta.timestamps.expires_at) is before this date',
			},
			{
				displayName: 'Only Carts With Customers',
				name: 'withCustomers',
				type: 'boolean',
				default: false,
				description: 'Whether to keep only carts associated with at least one customer',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description:
					'Only carts last updated after this date. Carts come newest first, so the listing stops at the first older cart.',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description:
					'Only carts last updated before this date, e.g. {{ $now.minus({ days: 30 }) }} for carts untouched for 30 days. These are the last carts of the listing, so every page is read.',
			},
		],
	},
	optionsCollection(show, [
		accountTokenOption,
		{ ...customerTokenOption, description: `${customerTokenOption.description} With one, Get Many lists that customer's carts only.` },
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Item per Cart', value: 'cart', description: 'The cart, with cartId, customerIds and accountIds' },
				{
					name: 'One Item per Cart and Customer',
					value: 'cartCustomerPair',
					description:
						'{ cartId, customerId, …cart } for each customer of each cart, ready for Remove Customer From Cart. Carts without customers give no item.',
				},
			],
			default: 'cart',
		},
		{
			displayName: 'When the Listing Is Cut',
			name: 'whenCut',
			type: 'options',
			options: [
				{
					name: 'Add a Notice Item at the End',
					value: 'notice',
					description: 'Output the carts read, then one item { listingCut: true, message, … } that says where and why',
				},
				{ name: 'Fail', value: 'fail', description: 'Stop with an error that says where and why, and output nothing' },
			],
			default: 'notice',
			description: `What to do when Elastic Path will not page past offset ${DOCUMENTED_MAX_OFFSET.toLocaleString('en-US')} (its documented limit) and carts remain unread`,
		},
	]),
];

/** As an AI agent's tool, Get Many outputs at most this many items: the agent reads every one into its context. */
const TOOL_MAX_ITEMS = 20;

const FILTER_CUSTOMER: IdField = { name: 'filters.customerId', label: 'Customer ID' };

function itemLimit(context: IExecuteFunctions, itemIndex: number): number {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const asked = returnAll ? Infinity : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return runsAsTool(context) ? Math.min(asked, TOOL_MAX_ITEMS) : asked;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject & { output?: string; whenCut?: string };
	const filters = readFilters(this, itemIndex);
	filters.customerId = await optionalId(this, itemIndex, FILTER_CUSTOMER);
	const { output, cut } = await listCarts.call(this, itemIndex, {
		filters,
		pairs: options.output === 'cartCustomerPair',
		simplify: wantsSimplified(this, itemIndex),
		limit: itemLimit(this, itemIndex),
		headers: tokenHeaders(this, itemIndex, options),
	});
	if (!cut) return output;

	const message = cutMessage(cut);
	if (options.whenCut === 'fail') {
		throw new NodeOperationError(this.getNode(), message, { itemIndex, description: CUT_ADVICE });
	}
	// n8n 1.60 has no execution hints (a newer helper): there the notice item alone says it.
	this.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
	const { offset, cartsRead, reportedTotal } = cut;
	const notice: IDataObject = { listingCut: true, message, advice: CUT_ADVICE, offset, cartsRead };
	if (reportedTotal !== undefined) notice.reportedTotal = reportedTotal;
	return [...output, notice];
}

export function identify(): IDataObject {
	return {};
}
