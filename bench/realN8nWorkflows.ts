import type { Workflow } from '../testkit/n8n/templates';

/*
 * The workflows the real-n8n scenarios run: a list of cart/customer pairs, one item each, then
 * either the Elastic Path node removing each customer or the peer a user would build without it,
 * n8n's HTTP Request node tuned by hand for a 100/s store.
 */

export const NODE_CREDENTIAL = { id: 'benchEpccCred0001', name: 'Elastic Path emulator' };

export type Removal = 'node' | 'httpRequest';

function pairsThenSplit(pairs: Array<{ cartId: string; customerId: string }>) {
	return [
		{ id: 'b1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'b2',
			name: 'Pairs',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ pairs }), options: {} },
		},
		{
			id: 'b3',
			name: 'One Item Per Pair',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'pairs', options: {} },
		},
	];
}

function elasticPathRemoval() {
	return {
		id: 'b4',
		name: 'Remove',
		type: 'n8n-nodes-elasticpath.elasticPath',
		typeVersion: 1,
		position: [660, 0],
		parameters: {
			resource: 'customerCartAssociation',
			operation: 'delete',
			cartId: '={{ $json.cartId }}',
			customerId: '={{ $json.customerId }}',
			options: {},
		},
		credentials: { elasticPathApi: NODE_CREDENTIAL },
		onError: 'continueRegularOutput',
	};
}

/** The HTTP Request node as the user tuned it: batches of 100 a second, Retry On Fail 5 × 1 s, On Error continue. */
function httpRequestRemoval(baseUrl: string, accessToken: string) {
	return {
		id: 'b4',
		name: 'Remove',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [660, 0],
		parameters: {
			method: 'DELETE',
			url: `=${baseUrl}/v2/carts/{{ $json.cartId }}/relationships/customers`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${accessToken}` }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ data: [{ type: "customer", id: $json.customerId }] }) }}',
			options: { batching: { batch: { batchSize: 100, batchInterval: 1000 } } },
		},
		retryOnFail: true,
		maxTries: 5,
		waitBetweenTries: 1000,
		onError: 'continueRegularOutput',
	};
}

export function removalWorkflow(
	id: string,
	pairs: Array<{ cartId: string; customerId: string }>,
	removal: Removal,
	peer: { baseUrl: string; accessToken: string },
): Workflow {
	const remove = removal === 'node' ? elasticPathRemoval() : httpRequestRemoval(peer.baseUrl, peer.accessToken);
	return {
		id,
		name: `Bench removals (${removal})`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [...pairsThenSplit(pairs), remove] as Workflow['nodes'],
		connections: {
			Start: { main: [[{ node: 'Pairs', type: 'main', index: 0 }]] },
			Pairs: { main: [[{ node: 'One Item Per Pair', type: 'main', index: 0 }]] },
			'One Item Per Pair': { main: [[{ node: 'Remove', type: 'main', index: 0 }]] },
		},
	};
}
