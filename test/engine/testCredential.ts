import { RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ElasticPathApi } from '../../testkit/engine/runWorkflow';
import { tempNode } from './tempNode';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The "Test" button of the credential dialog, as the n8n CLI's CredentialsTester runs it:
 * the credential's `test.request` becomes the routing of a temporary No-Op node, run by
 * n8n-core's RoutingNode, and a failed answer is matched against the test's `rules`.
 */
export async function testCredential(data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const credentialType = new ElasticPathApi();
	const testRequest = credentialType.test!;
	const { nodeType, context } = tempNode(data, testRequest.request);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'cred-1',
		name: 'Elastic Path account',
		type: 'elasticPathApi',
		data: { sessionToken: '', ...data },
	});

	try {
		await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const rule = testRequest.rules?.find(
				(r) => r.type === 'responseCode' && r.properties.value === cause.response!.status,
			);
			if (rule && rule.type === 'responseCode') return { status: 'Error', message: rule.properties.message };
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
