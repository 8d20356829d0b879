import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { CredentialSetupError } from './errors';

export const CUSTOMER_TOKEN_HEADER = 'X-Moltin-Customer-Token';
export const ACCOUNT_TOKEN_HEADER = 'EP-Account-Management-Authentication-Token';

/** The optional tokens a credential (or a node option of the same name, per item) may carry, and their headers. */
export const ACTING_TOKEN_HEADERS = {
	customerToken: CUSTOMER_TOKEN_HEADER,
	accountToken: ACCOUNT_TOKEN_HEADER,
} as const;

function hasHeader(headers: IHttpRequestOptions['headers'], name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === wanted);
}

/**
 * Signs every request made with the credential (by this node, the credential test, or an
 * HTTP Request node): it points the request at the credential's host (refusing unsafe
 * ones before anything is sent), adds the bearer token, and adds the credential's customer
 * and account tokens unless the request already carries one (a per-item override).
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
	for (const [field, header] of Object.entries(ACTING_TOKEN_HEADERS)) {
		const value = String(credentials[field] ?? '').trim();
		if (value && !hasHeader(headers, header)) headers[header] = value;
	}
	return { ...requestOptions, baseURL, headers };
}
