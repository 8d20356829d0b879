import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { summarizeErrorBody, titleAndDetail } from './errorBody';
import { AccessTokenError } from './errors';
import { answerOf, classifyFailure, networkWords } from './failure';

type Grant = 'client_credentials' | 'implicit';

function grantOf(credentials: ICredentialDataDecryptedObject): Grant {
	return credentials.authType === 'implicit' ? 'implicit' : 'client_credentials';
}

function formOf(credentials: ICredentialDataDecryptedObject, grant: Grant): string {
	const clientId = String(credentials.clientId ?? '').trim();
	if (!clientId) throw new AccessTokenError('The Elastic Path credential has no Client ID', 'CONFIG');
	const form = new URLSearchParams({ grant_type: grant, client_id: clientId });
	if (grant === 'client_credentials') {
		const secret = String(credentials.clientSecret ?? '');
		if (!secret) throw new AccessTokenError('The Elastic Path credential has no Client Secret', 'CONFIG');
		form.set('client_secret', secret);
	}
	return form.toString();
}

function refusal(grant: Grant, status: number, body: unknown): AccessTokenError {
	const said = titleAndDetail(summarizeErrorBody(body));
	const what =
		grant === 'client_credentials'
			? 'check the Client ID, Client Secret and region/Base URL'
			: 'check the Client ID and region/Base URL';
	const verb = status >= 500 ? 'failed to issue' : 'refused to issue';
	return new AccessTokenError(
		`Elastic Path ${verb} an access token (HTTP ${status}${said ? `: ${said}` : ''})${status >= 500 ? '' : `: ${what}`}`,
		status,
	);
}

/**
 * Fetches a token from `/oauth/access_token` (form-encoded), as n8n's expirable-credential
 * mechanism asks `preAuthentication` to: n8n stores it and asks again after a 401.
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
		const answered = answerOf(error);
		const problem = classifyFailure(error);
		failure = answered
			? refusal(grant, answered.status, answered.body)
			: new AccessTokenError(
					`No access token from Elastic Path: ${problem.kind === 'network' ? networkWords(problem.code) : 'no answer'}`,
					'NETWORK',
				);
	}
	if (failure) throw failure;

	const token = (answer as { access_token?: unknown } | undefined)?.access_token;
	if (typeof token !== 'string' || !token) {
		throw new AccessTokenError(
			'Elastic Path answered the token request without an access_token: check the region/Base URL',
			'INVALID',
		);
	}
	return token;
}
