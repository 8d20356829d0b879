import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { CredentialSetupError } from './failure';

/*
 * The credential as the transport reads it: which host it points at (and which it refuses),
 * which store it stands for, and how it signs a request.
 */

/** The credential type every request of the node is signed with. */
export const CREDENTIAL_TYPE = 'elasticPathApi';

/** The optional tokens a credential (or a node option of the same name, per item) may carry, and their headers. */
export const ACTING_TOKEN_HEADERS = {
	customerToken: 'X-Moltin-Customer-Token',
	accountToken: 'EP-Account-Management-Authentication-Token',
} as const;

const REGION_BASE_URLS: Readonly<Record<string, string>> = {
	useast: 'https://useast.api.elasticpath.com',
	euwest: 'https://euwest.api.elasticpath.com',
};

interface BaseUrlSettings {
	region?: unknown;
	baseUrl?: unknown;
}

function isLoopbackHost(hostname: string): boolean {
	if (hostname === 'localhost' || hostname === '[::1]') return true;
	// WHATWG URL has already normalised every IPv4 spelling (127.1, 0x7f.0.0.1, ...) to dotted quads.
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}

/**
 * The API root for a credential: the region's host, or a custom host that must be https
 * (plain http only to loopback, for local testing), so a token or secret never crosses a
 * network in clear text.
 */
export function resolveBaseUrl(settings: BaseUrlSettings): string {
	const region = typeof settings.region === 'string' && settings.region ? settings.region : 'useast';
	if (region !== 'custom') {
		const known = REGION_BASE_URLS[region];
		if (!known) throw new CredentialSetupError(`Unknown Elastic Path region "${region}"`);
		return known;
	}

	const raw = typeof settings.baseUrl === 'string' ? settings.baseUrl.trim() : '';
	if (!raw) {
		throw new CredentialSetupError('The credential uses a custom region but its Base URL is empty');
	}
	const url = parseUrl(raw);
	if (!url) {
		throw new CredentialSetupError('The credential\'s Base URL is not a valid URL (expected e.g. https://epcc.example.com)');
	}
	if (url.username || url.password) {
		throw new CredentialSetupError('The credential\'s Base URL must not contain a user name or password');
	}
	if (url.search || url.hash) {
		throw new CredentialSetupError('The credential\'s Base URL must not contain a query string or fragment');
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new CredentialSetupError(
			`Refusing to send Elastic Path credentials over plain http:// to "${url.hostname}": use https:// (http:// is only allowed for localhost, 127.0.0.0/8 and [::1])`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new CredentialSetupError(`The credential's Base URL must start with https:// (got ${url.protocol}//)`);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * A key that tells stores (or credentials) apart without holding what it was made from:
 * the parts may be secrets, and keys end up in maps that outlive an execution.
 */
export function fingerprint(...parts: string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(`${part.length}:${part}`);
	return hash.digest('base64url');
}

/** What tells the stores (and their token fetches) apart: a hash of base URL, grant, client ID and secret. */
export function tokenStoreKey(credentials: ICredentialDataDecryptedObject): string {
	return fingerprint(
		resolveBaseUrl(credentials),
		String(credentials.authType ?? ''),
		String(credentials.clientId ?? '').trim(),
		String(credentials.clientSecret ?? ''),
	);
}

/**
 * What tells one store's traffic from another's, for the rate the process learns: the API
 * host and the client ID (all stores of a region share a host), or the pasted token.
 * The caller hashes it: the token is a secret.
 */
export function storeIdentity(credentials: ICredentialDataDecryptedObject): string[] {
	const baseUrl = resolveBaseUrl(credentials);
	if (credentials.authType === 'accessToken') return [baseUrl, 'token', String(credentials.accessToken ?? '').trim()];
	return [baseUrl, 'client', String(credentials.clientId ?? '').trim()];
}

function hasHeader(headers: IHttpRequestOptions['headers'], name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === wanted);
}

/**
 * A redirect would carry the signed headers to wherever it points (n8n 2.x even sends them
 * across origins by default), so no signed request follows one: `disableFollowRedirect` for
 * n8n's request options, `followRedirect`/`followAllRedirects` for the legacy ones an HTTP
 * Request node sends, `sendCredentialsOnCrossOriginRedirect` in case a host ignores the rest.
 */
export const NO_REDIRECTS = {
	disableFollowRedirect: true,
	followRedirect: false,
	followAllRedirects: false,
	sendCredentialsOnCrossOriginRedirect: false,
} as Partial<IHttpRequestOptions>;

/** Where a request goes, from its `url` (n8n's options) or `uri` (the legacy ones), resolved against the API root. */
function targetOrigin(baseURL: string, requestOptions: IHttpRequestOptions): string | undefined {
	const target = requestOptions.url ?? (requestOptions as { uri?: unknown }).uri;
	if (typeof target !== 'string' || !target) return undefined;
	try {
		return new URL(target, `${baseURL}/`).origin;
	} catch {
		return undefined;
	}
}

/** A request signed by the credential goes to the credential's host or nowhere: refused before anything is sent. */
function refuseOtherOrigin(baseURL: string, requestOptions: IHttpRequestOptions): void {
	const allowed = new URL(baseURL).origin;
	const origin = targetOrigin(baseURL, requestOptions);
	if (origin !== undefined && origin !== allowed) {
		throw new CredentialSetupError(
			`Refusing to send Elastic Path credentials to ${origin}: this credential only signs requests to ${allowed}`,
		);
	}
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

	refuseOtherOrigin(baseURL, requestOptions);

	const headers: IHttpRequestOptions['headers'] = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
	for (const [field, header] of Object.entries(ACTING_TOKEN_HEADERS)) {
		const value = String(credentials[field] ?? '').trim();
		if (/[\r\n]/.test(value)) {
			throw new CredentialSetupError(`The credential field "${field}" contains a line break: a token is one line of text`);
		}
		if (value && !hasHeader(headers, header)) headers[header] = value;
	}
	return { ...requestOptions, baseURL, headers, ...NO_REDIRECTS };
}
