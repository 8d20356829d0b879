import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './authentication';
import type { Failure } from './failure';
import { redactText, redactValue, secretsIn } from './redact';

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
