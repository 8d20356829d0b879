import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { CredentialSetupError } from './errors';

export const CUSTOMER_TOKEN_HEADER = 'X-Moltin-Customer-Token';

function hasHeader(headers: IHttpRequestOptions['headers'], name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === wanted);
}

/**
 * Signs every request made with the credential (by this node, the credential test, or an
 * HTTP Request node): it points the request at the credential's host (refusing unsafe
 * ones before anything is sent), adds the bearer token, and adds the credential's customer
 * token unless the request already carries one (a per-item override).
 */
export async function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const baseURL = resolveBaseUrl(credentials);
	const token = String(
		(credentials.authType === 'accessToken' ? credentials.accessToken : credentials.sessionToken) ?? '',
	).trim();
	if (!token) {
		throw new CredentialSetupError(
			credentials.authType === 'accessToken'
				? 'The Elastic Path credential has no access token'
				: 'No Elastic Path access token was fetched for this credential',
		);
	}

	const headers: IHttpRequestOptions['headers'] = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
	const customerToken = String(credentials.customerToken ?? '').trim();
	if (customerToken && !hasHeader(headers, CUSTOMER_TOKEN_HEADER)) {
		headers[CUSTOMER_TOKEN_HEADER] = customerToken;
	}
	return { ...requestOptions, baseURL, headers };
}
