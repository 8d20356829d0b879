import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDate } from './dates';

/* Reading a Get Many's Filters collection: values checked, errors naming the item and the field. */

export function filterError(context: IExecuteFunctions, itemIndex: number, name: string, problem: string, description?: string) {
	return new NodeOperationError(context.getNode(), `${problem} (item ${itemIndex}, field "filters.${name}")`, {
		itemIndex,
		description,
	});
}

/** A reader of one item's filters: its raw values, and its date filters read as instants (in the workflow's time zone). */
export function filterReader(context: IExecuteFunctions, itemIndex: number) {
	const raw = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const timeZone = context.getTimezone();
	return {
		raw,
		date(name: string, label: string): number | undefined {
			const reading = readDate(raw[name], timeZone);
			if (reading.problem) throw filterError(context, itemIndex, name, `${label} ${reading.problem}`);
			return reading.instant;
		},
		/** An error when both ends are set and `after` is not earlier than `before`. */
		checkRange(after: { name: string; label: string; at?: number }, before: { label: string; at?: number }, what: string): void {
			if (after.at !== undefined && before.at !== undefined && after.at >= before.at) {
				throw filterError(context, itemIndex, after.name, `${after.label} is not earlier than ${before.label}`, `No ${what} can match both.`);
			}
		},
	};
}
