import { CONFIG_ERROR_CODE, TOKEN_ERROR_PREFIX } from './failure';

/*
 * Errors thrown from the credential's hooks, where there is no node to build a NodeApiError
 * with. n8n wraps them; `errorCode` lets the transport recognise them afterwards (n8n copies
 * it into `httpCode`) and, not being named like a status field, keeps their message intact.
 */

/** The credential is set up so that nothing may be sent (unsafe host, missing value). */
export class CredentialSetupError extends Error {
	name = 'CredentialSetupError';

	readonly errorCode = CONFIG_ERROR_CODE;
}

/** The token endpoint failed. Carries the status and what Elastic Path said, never the request (it holds the secret). */
export class AccessTokenError extends Error {
	name = 'AccessTokenError';

	readonly errorCode: string;

	constructor(message: string, status: number | 'NETWORK' | 'INVALID' | 'CONFIG') {
		super(message);
		this.errorCode = `${TOKEN_ERROR_PREFIX}${status}`;
	}
}
