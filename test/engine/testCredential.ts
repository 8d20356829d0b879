import { ExecuteContext, RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';

import { additionalDataFor, ElasticPathApi, newCredentialsHelper } from '../../testkit/engine/runWorkflow';

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
	const credentialsHelper = newCredentialsHelper({ sessionToken: '', ...data });

	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'elasticPathApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { elasticPathApi: { id: 'cred-1', name: 'Elastic Path account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentialsHelper),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
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
