import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One operation of the node, run once per input item. */
export interface ItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** What identifies the item (e.g. its cart ID) in the error output of Continue On Fail. */
	identify?(this: IExecuteFunctions, itemIndex: number): IDataObject;
}

function errorItem(error: NodeApiError | NodeOperationError, identity: IDataObject): IDataObject {
	const json: IDataObject = { error: error.message, ...identity };
	if (error.description) json.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The one place that walks the input items: output items are paired with their input,
 * and Continue On Fail turns a failed item into an error item while the others go on.
 */
export async function runItems(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			const identity = operation.identify?.call(this, itemIndex) ?? {};
			output.push({ json: errorItem(nodeError, identity), pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
