export const REGION_BASE_URLS: Readonly<Record<string, string>> = {
	useast: 'https://useast.api.elasticpath.com',
	euwest: 'https://euwest.api.elasticpath.com',
};

export interface BaseUrlSettings {
	region?: unknown;
	baseUrl?: unknown;
}

import { CredentialSetupError } from './errors';

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
