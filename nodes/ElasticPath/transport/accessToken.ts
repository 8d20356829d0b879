import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { summarizeErrorBody } from './errorBody';
import { describeNetworkError, responseOf } from './httpError';

/**
 * The token endpoint failed. Carries only the status and what Elastic Path said: never the
 * request, whose body holds the client secret. `tokenHttpStatus` is deliberately not named
 * like a status field, so n8n keeps this message instead of a generic one.
 */
export class AccessTokenError extends Error {
	name = 'AccessTokenError';

	constructor(
		message: string,
		readonly tokenHttpStatus?: number,
		readonly networkCode?: string,
	) {
		super(message);
	}
}

type Grant = 'client_credentials' | 'implicit';

function grantOf(credentials: ICredentialDataDecryptedObject): Grant {
	return credentials.authType === 'implicit' ? 'implicit' : 'client_credentials';
}

function formOf(credentials: ICredentialDataDecryptedObject, grant: Grant): string {
	const clientId = String(credentials.clientId ?? '').trim();
	if (!clientId) throw new AccessTokenError('The Elastic Path credential has no Client ID');
	const form = new URLSearchParams({ grant_type: grant, client_id: clientId });
	if (grant === 'client_credentials') {
		const secret = String(credentials.clientSecret ?? '');
		if (!secret) throw new AccessTokenError('The Elastic Path credential has no Client Secret');
		form.set('client_secret', secret);
	}
	return form.toString();
}

function failureMessage(grant: Grant, status: number | undefined, body: unknown): string {
	const { title, detail } = summarizeErrorBody(body);
	const said = [title, detail].filter(Boolean).join(': ');
	const what =
		grant === 'client_credentials'
			? 'check the Client ID, Client Secret and region/Base URL'
			: 'check the Client ID and region/Base URL';
	return `Elastic Path refused to issue an access token (HTTP ${status ?? '?'}${said ? `: ${said}` : ''}): ${what}`;
}

/**
 * Fetches a token from `/oauth/access_token` (form-encoded), as n8n's expirable-credential
 * mechanism asks `preAuthentication` to: n8n stores it and calls this again when the API
 * answers 401.
 */
export async function fetchAccessToken(
	requester: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseURL = resolveBaseUrl(credentials);
	const grant = grantOf(credentials);
	const body = formOf(credentials, grant);

	let answer: unknown;
	let failure: AccessTokenError | undefined;
	try {
		answer = await requester.helpers.httpRequest({
			method: 'POST',
			baseURL,
			url: '/oauth/access_token',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body,
			json: true,
			disableFollowRedirect: true,
		});
	} catch (error) {
		const response = responseOf(error);
		failure = response
			? new AccessTokenError(failureMessage(grant, response.status, response.data), response.status)
			: new AccessTokenError(
					`Could not reach Elastic Path to get an access token (${describeNetworkError(error)})`,
					undefined,
					describeNetworkError(error),
				);
	}
	if (failure) throw failure;

	const token = (answer as { access_token?: unknown } | undefined)?.access_token;
	if (typeof token !== 'string' || !token) {
		throw new AccessTokenError(
			'Elastic Path answered the token request without an access_token: check the region/Base URL',
		);
	}
	return token;
}
