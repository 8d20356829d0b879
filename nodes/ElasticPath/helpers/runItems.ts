import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sessionFor } from '../transport/session';
import { withoutSecrets } from './withoutSecrets';

/** One operation of the node, run once per input item. */
export interface ItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** What identifies the item (e.g. its cart ID) in the error output of Continue On Fail. */
	identify?(this: IExecuteFunctions, itemIndex: number): IDataObject;
}

type NodeError = NodeApiError | NodeOperationError;

function errorItem(error: NodeError, identity: IDataObject): IDataObject {
	const json: IDataObject = { error: error.message, ...identity };
	if (error.description) json.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
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
				const nodeError = asNodeError(this, error, itemIndex);
				if (continueOnFail && !signal?.aborted) {
					const identity = operation.identify?.call(this, itemIndex) ?? {};
					outputs[itemIndex] = [{ json: errorItem(nodeError, identity), pairedItem: { item: itemIndex } }];
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
