import { ExecuteContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestRequest, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from '../../testkit/engine/credentialsHelper';
import { additionalDataFor, newCredentialsHelper } from '../../testkit/engine/runWorkflow';

export interface TempNode {
	nodeType: INodeType;
	context: ExecuteContext;
	credentialsHelper: TestCredentialsHelper;
}

/**
 * The temporary No-Op node the n8n CLI builds to run a credential (its CredentialsTester):
 * it carries the credential, and `request` as the routing of its one property. Its execute
 * context is also what an HTTP Request node signs its requests with.
 */
export function tempNode(data: ICredentialDataDecryptedObject, request: ICredentialTestRequest['request'] = {}): TempNode {
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
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request }, default: '' }],
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
	return { nodeType, context, credentialsHelper };
}
