import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_CLIENT } from '../../testkit/emulator/EpccEmulator';

export const CREDENTIAL_ID = 'epccEmulatorCred';
export const BAD_SECRET_CREDENTIAL_ID = 'epccBadSecretCred';

/** An elasticPathApi credential (client credentials) for the emulator, as `n8n import:credentials` takes it. */
export function emulatorCredential(id: string, baseUrl: string, clientSecret = DEFAULT_CLIENT.clientSecret) {
	return {
		id,
		name: 'Elastic Path emulator',
		type: 'elasticPathApi',
		data: { region: 'custom', baseUrl, authType: 'clientCredentials', clientId: DEFAULT_CLIENT.clientId, clientSecret },
	};
}

/** The Elastic Path node adding or removing the customer of each item's pair, as users map it. */
export function associationNode(options: {
	id: string;
	position: [number, number];
	operation: 'create' | 'delete';
	credentialId?: string;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}) {
	return {
		id: options.id,
		name: 'Elastic Path',
		type: 'n8n-nodes-elasticpath.elasticPath',
		typeVersion: 1,
		position: options.position,
		parameters: {
			resource: 'customerCartAssociation',
			operation: options.operation,
			cartId: '={{ $json.cartId }}',
			customerId: '={{ $json.customerId }}',
			options: {},
		},
		credentials: { elasticPathApi: { id: options.credentialId ?? CREDENTIAL_ID, name: 'Elastic Path emulator' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
}

interface WorkflowOptions {
	id: string;
	name: string;
	pairs: IDataObject[];
	operation: 'create' | 'delete';
	credentialId?: string;
	/** The node's "On Error" setting; the default stops the workflow. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/**
 * Manual Trigger → Edit Fields (the pairs) → Split Out → Elastic Path: how a user feeds the
 * node a list of cart/customer pairs, with n8n's own nodes.
 */
export function associationWorkflow(options: WorkflowOptions) {
	return {
		id: options.id,
		name: options.name,
		active: false,
		settings: {},
		pinData: {},
		nodes: [
			{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n2',
				name: 'Pairs',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ pairs: options.pairs }), options: {} },
			},
			{
				id: 'n3',
				name: 'One Item Per Pair',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'pairs', options: {} },
			},
			associationNode({ ...options, id: 'n4', position: [660, 0] }),
		],
		connections: {
			Start: { main: [[{ node: 'Pairs', type: 'main', index: 0 }]] },
			Pairs: { main: [[{ node: 'One Item Per Pair', type: 'main', index: 0 }]] },
			'One Item Per Pair': { main: [[{ node: 'Elastic Path', type: 'main', index: 0 }]] },
		},
	};
}
