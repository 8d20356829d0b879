import type { IExecuteFunctions } from 'n8n-workflow';

import { failureToNodeError } from './apiError';
import type { EpccRequest } from './send';
import { sendOnce } from './send';

export type { EpccRequest } from './send';

export interface EpccCall extends EpccRequest {
	/** Error statuses handed back to the caller instead of thrown (e.g. 404 when "not found" is fine). */
	acceptStatuses?: number[];
}

export interface EpccResponse {
	statusCode: number;
	body: unknown;
}

/** Every Elastic Path API call of the node goes through here: auth, host, token renewal, errors. */
export async function epccRequest(this: IExecuteFunctions, itemIndex: number, call: EpccCall): Promise<EpccResponse> {
	let result = await sendOnce(this, call);
	if (result.kind === 'answer' && result.status === 401) {
		// The token expired (or was revoked): let n8n renew it and send once more.
		result = await sendOnce(this, call, true);
	}
	if (result.kind === 'answer' && (result.status < 300 || call.acceptStatuses?.includes(result.status))) {
		return { statusCode: result.status, body: result.body };
	}
	throw failureToNodeError(this.getNode(), result, itemIndex);
}
