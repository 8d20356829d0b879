import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ICredentialDataDecryptedObject, INode, IWorkflowMetadata } from 'n8n-workflow';

/*
 * The secret Elastic Path sends with each delivery: derived from the credential's client
 * secret and the trigger's identity (workflow and webhook ID), never stored. Every n8n process
 * that answers deliveries (a main, webhook processes) computes the same one, two mains that
 * activate at once configure the same one, and nothing a delivery writes can change it.
 */

/** The secret of this trigger's integration; `undefined` when the credential has no client secret (it cannot manage integrations). */
export function integrationSecret(credentials: ICredentialDataDecryptedObject, workflow: IWorkflowMetadata, node: INode): string | undefined {
	const key = typeof credentials.clientSecret === 'string' ? credentials.clientSecret : '';
	if (!key) return undefined;
	const identity = ['n8n-nodes-elasticpath trigger', String(credentials.clientId ?? ''), String(workflow.id ?? ''), node.webhookId ?? node.id];
	return createHmac('sha256', key).update(identity.join('\n')).digest('hex');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether the delivered secret is one of `expected`, compared in constant time (digests have one length). */
export function secretMatches(expected: Array<string | undefined>, given: unknown): boolean {
	const value = Array.isArray(given) ? given[0] : given;
	if (typeof value !== 'string' || !value) return false;
	let matched = false;
	for (const secret of expected) if (secret && timingSafeEqual(digest(secret), digest(value))) matched = true;
	return matched;
}
