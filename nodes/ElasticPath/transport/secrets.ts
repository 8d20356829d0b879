/*
 * The one place that decides what a secret is and takes secrets out of text an answer
 * brought back: a server may echo what it received (the token form, the request headers),
 * and n8n shows error messages to people who may use a credential but not read it.
 */

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './credential';
import type { Failure } from './failure';

export const REDACTED = '**hidden**';

/** Credential fields and node options that hold a secret: the client secret and every token. */
const SECRET_FIELD = /token|secret/i;

export function isSecretField(name: string): boolean {
	return SECRET_FIELD.test(name);
}

/** Shorter values (an empty option, a stray character) would blank out ordinary words. */
const SHORTEST_SECRET = 4;

/** The values of the secret fields of a credential's data or an item's options. */
export function secretsIn(fields: Record<string, unknown> | undefined): string[] {
	return Object.entries(fields ?? {})
		.filter(([name, value]) => isSecretField(name) && typeof value === 'string')
		.map(([, value]) => (value as string).trim())
		.filter((value) => value.length >= SHORTEST_SECRET);
}

const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[/\b(Bearer|Basic)\s+[^\s"',;&()<>]+/gi, `$1 ${REDACTED}`],
	// The same names in a form or a query string, and as JSON fields.
	[/\b(client_secret|access_token|refresh_token)=[^\s&"',;()<>]*/gi, `$1=${REDACTED}`],
	[/("(?:client_secret|access_token|refresh_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
];

/** `text` with every known secret and every bearer, client secret and token field replaced by `**hidden**`. */
function redactText(text: string, secrets: readonly string[]): string {
	let clean = text;
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		if (secret.length >= SHORTEST_SECRET) clean = clean.split(secret).join(REDACTED);
	}
	for (const [pattern, replacement] of SECRET_PATTERNS) clean = clean.replace(pattern, replacement);
	return clean;
}

/** A copy of an answer body (JSON, text or a buffer): `redactText` on every string, secret-named fields hidden whole. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (Buffer.isBuffer(value)) return redactText(value.toString('utf8'), secrets);
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [
				key,
				isSecretField(key) && typeof entry === 'string' && entry ? REDACTED : redactValue(entry, secrets),
			]),
		);
	}
	return value;
}

/** Every secret one request of the node carried: the credential's (its current token included) and the item's token headers. */
export async function secretsOfRequest(
	context: { getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject> },
	itemIndex: number,
	headers: Record<string, string> = {},
): Promise<string[]> {
	let credentials: Record<string, unknown> = {};
	try {
		credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	} catch {
		// Without the credential there is nothing of it to hide; the patterns still apply.
	}
	const sentTokens = Object.entries(headers).filter(([name]) => /token|authorization/i.test(name)).map(([, value]) => value);
	return [...secretsIn(credentials), ...sentTokens];
}

/** A failure as an error may show it: whatever text came back from the server, without the secrets. */
export function failureWithoutSecrets(failure: Failure, secrets: readonly string[]): Failure {
	switch (failure.kind) {
		case 'answer':
			return { ...failure, body: redactValue(failure.body, secrets) };
		case 'token':
		case 'config':
			return { ...failure, message: redactText(failure.message, secrets) };
		case 'network':
			return failure;
	}
}
