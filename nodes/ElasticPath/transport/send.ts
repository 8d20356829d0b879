import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import type { Failure } from './failure';
import { classifyFailure } from './failure';

export const CREDENTIAL_TYPE = 'elasticPathApi';

export interface EpccRequest {
	method: IHttpRequestMethods;
	/** Path under the API root, already encoded (see `paths.ts`). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
}

export type Answer = Extract<Failure, { kind: 'answer' }>;

/**
 * One attempt through n8n's authenticated request helper. Normally every HTTP status comes
 * back as an answer (with its headers and body, on n8n 1.x and 2.x alike). With
 * `renewToken`, statuses throw instead, which is what makes n8n renew the stored token on a
 * 401 and retry once: only n8n can write the renewed token back to the credential.
 */
export async function sendOnce(
	context: IExecuteFunctions,
	request: EpccRequest,
	options: { renewToken?: boolean; timeoutMs?: number } = {},
): Promise<Answer | Failure> {
	const renewToken = options.renewToken ?? false;
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: request.method,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: !renewToken,
			timeout: options.timeoutMs,
			// The API never redirects; following one would carry the bearer token to another host.
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
		return { kind: 'answer', status: response.statusCode, headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		return classifyFailure(error);
	}
}
