import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: NodeApiError | NodeOperationError };

/**
 * Waits for one step of a multi-request operation and hands back its error instead of
 * throwing it, so the operation can say what it had already done before throwing.
 */
export async function settle<T>(context: IExecuteFunctions, itemIndex: number, work: Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await work };
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return { ok: false, error };
		return { ok: false, error: new NodeOperationError(context.getNode(), error as Error, { itemIndex }) };
	}
}
