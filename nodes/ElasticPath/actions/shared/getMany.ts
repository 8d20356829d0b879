import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runsAsTool } from './asTool';
import type { Cut, ListedKind } from './listing';
import { cutMessage } from './listing';
import { DOCUMENTED_MAX_OFFSET } from './paging';

/* What every Get Many shares: Return All / Limit, the listing-cut option, and what a cut gives. */

/** As an AI agent's tool, Get Many outputs at most this many items: the agent reads every one into its context. */
export const TOOL_MAX_ITEMS = 20;

/** The notice shown above a Get Many's fields: what listing needs. */
export function listingNotice(kind: ListedKind, displayOptions: IDisplayOptions): INodeProperties {
	return { displayName: kind.needs, name: 'listingNotice', type: 'notice', default: '', displayOptions };
}

/** n8n's Return All and Limit. */
export function returnAllAndLimit(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

/** The "When the Listing Is Cut" option: a notice item at the end (default) or an error. */
export function whenCutOption(kind: ListedKind): INodeProperties {
	return {
		displayName: 'When the Listing Is Cut',
		name: 'whenCut',
		type: 'options',
		options: [
			{
				name: 'Add a Notice Item at the End',
				value: 'notice',
				description: `Output the ${kind.many} read, then one item { listingCut: true, message, … } that says where and why`,
			},
			{ name: 'Fail', value: 'fail', description: 'Stop with an error that says where and why, and output nothing' },
		],
		default: 'notice',
		description: `What to do when Elastic Path will not page past offset ${DOCUMENTED_MAX_OFFSET.toLocaleString('en-US')} (its documented limit) and ${kind.many} remain unread`,
	};
}

/** How many items Get Many may output: all, the Limit, and never more than 20 as an agent's tool. */
export function itemLimit(context: IExecuteFunctions, itemIndex: number): number {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const asked = returnAll ? Infinity : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return runsAsTool(context) ? Math.min(asked, TOOL_MAX_ITEMS) : asked;
}

/**
 * A Get Many's output once the listing has ended: as read, or, when it was cut, followed by a
 * notice item (`{ listingCut: true, message, advice, offset, <many>Read }`, and a warning in
 * n8n's output pane), or an error with "When the Listing Is Cut: Fail".
 */
export function listingOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: ListedKind,
	{ output, cut, whenCut }: { output: IDataObject[]; cut?: Cut; whenCut?: unknown },
): IDataObject[] {
	if (!cut) return output;
	const message = cutMessage(kind, cut);
	if (whenCut === 'fail') throw new NodeOperationError(context.getNode(), message, { itemIndex, description: kind.advice });
	// n8n 1.60 has no execution hints (a newer helper): there the notice item alone says it.
	context.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
	const { offset, read, reportedTotal } = cut;
	const notice: IDataObject = { listingCut: true, message, advice: kind.advice, offset, [`${kind.many}Read`]: read };
	if (reportedTotal !== undefined) notice.reportedTotal = reportedTotal;
	return [...output, notice];
}

/** A Get Many's Filters collection. */
export function filtersCollection(displayOptions: IDisplayOptions, options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add filter', default: {}, displayOptions, options };
}
