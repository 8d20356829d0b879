import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import { toNodeError } from './apiError';
import { responseOf } from './httpError';

export const CREDENTIAL_TYPE = 'elasticPathApi';

export interface EpccRequest {
	method: IHttpRequestMethods;
	/** Path under the API root, already encoded (see `paths.ts`). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** Error statuses handed back to the caller instead of thrown (e.g. 404 when "not found" is fine). */
	acceptStatuses?: number[];
}

export interface EpccResponse {
	statusCode: number;
	body: unknown;
}

/** Every Elastic Path API call of the node goes through here: auth, host, errors. */
export async function epccRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	request: EpccRequest,
): Promise<EpccResponse> {
	let failure: unknown;
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: request.method,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
			json: true,
			returnFullResponse: true,
			// The API never redirects; following one would carry the bearer token to another host.
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
		return { statusCode: response.statusCode, body: response.body };
	} catch (error) {
		failure = error;
	}
	const answered = responseOf(failure);
	if (answered && request.acceptStatuses?.includes(answered.status)) {
		return { statusCode: answered.status, body: answered.data };
	}
	throw toNodeError(this.getNode(), failure, itemIndex);
}
