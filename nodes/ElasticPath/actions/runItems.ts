import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sessionFor } from '../transport';
import { withoutSecrets } from './withoutSecrets';

/** One operation of the node, run once per input item. */
export interface ItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** What identifies the item (e.g. its cart ID) in the error output of Continue On Fail. */
	identify?(this: IExecuteFunctions, itemIndex: number): IDataObject;
}

export type NodeError = NodeApiError | NodeOperationError;

/** What a failed item says under Continue On Fail: the error, why, the HTTP status, and what it was working on. */
function errorSummary(error: NodeError, identity: IDataObject): IDataObject {
	const json: IDataObject = { error: error.message, ...identity };
	if (error.description) json.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/**
 * The output of a failed item under Continue On Fail.
 *
 * "Continue (using regular output)": the summary as the item's `json`, as it always was.
 * "Continue (using error output)": n8n moves an item to the error output only when its
 * `json` holds nothing but `error` and `message` (n8n 1.60 to 2.x alike), and then adds the
 * input item's fields to it. An item-level `error` would route it too, but n8n 1.6x and later
 * then replace the whole `json` with the message, losing the IDs and the input's fields.
 * So it is `{ message, error: { message, description, httpCode, <IDs> } }`, the shape
 * n8n's Airtable node gives.
 */
function errorItem(context: IExecuteFunctions, error: NodeError, identity: IDataObject, itemIndex: number): INodeExecutionData {
	const summary = errorSummary(error, identity);
	if (context.getNode().onError !== 'continueErrorOutput') return { json: summary, pairedItem: { item: itemIndex } };
	const { error: message, errorDescription, ...details } = summary;
	return {
		json: { message, error: { message, ...(errorDescription ? { description: errorDescription } : {}), ...details } },
		pairedItem: { item: itemIndex },
	};
}

/** Any failure of an item as the node's error: n8n's own error types, with typed tokens kept out of the node it carries. */
export function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	// n8n stores the error's node, parameters included: keep typed tokens out of it.
	(nodeError as { node: INode }).node = withoutSecrets(nodeError.node);
	return nodeError;
}

/**
 * The one place that walks the input items. Up to "Max Concurrency" items are in progress
 * at once (the transport paces their requests); outputs come back in input order, each
 * paired with its input. With Continue On Fail a failed item becomes an error item; without
 * it, no new item starts after a failure, the ones in progress finish, and the node fails
 * with the first failure in input order.
 */
export async function runItems(this: IExecuteFunctions, operation: ItemOperation): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const { settings, signal } = sessionFor(this);
	const continueOnFail = this.continueOnFail();
	const outputs: INodeExecutionData[][] = new Array(items.length);
	const failed: { first?: { itemIndex: number; error: NodeError } } = {};
	let next = 0;
	const mayStartAnother = () => next < items.length && !failed.first && !signal?.aborted;

	const worker = async () => {
		while (mayStartAnother()) {
			const itemIndex = next++;
			try {
				const result = await operation.execute.call(this, itemIndex);
				outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({
					json,
					pairedItem: { item: itemIndex },
				}));
			} catch (error) {
				const nodeError = toNodeError(this, error, itemIndex);
				if (continueOnFail && !signal?.aborted) {
					const identity = operation.identify?.call(this, itemIndex) ?? {};
					outputs[itemIndex] = [errorItem(this, nodeError, identity, itemIndex)];
				} else if (!failed.first || itemIndex < failed.first.itemIndex) {
					failed.first = { itemIndex, error: nodeError };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(settings.maxConcurrency, items.length) }, worker));

	if (signal?.aborted) {
		throw new NodeOperationError(this.getNode(), 'The execution was cancelled; no further items were sent');
	}
	if (failed.first) throw failed.first.error;
	return outputs.flat();
}
