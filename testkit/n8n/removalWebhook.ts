import type { Workflow } from './templates';

export const WEBHOOK_PATH = 'elastic-path/remove';

/**
 * Webhook (POST, answers with the last node) → Split Out → Elastic Path (remove the customer,
 * Continue On Fail) → Aggregate: a removal job another system starts, one execution per call,
 * which queue mode hands to a worker. The queue-mode test and the benchmark's queue scenarios run it.
 */
export function removalWebhookWorkflow(id: string, credential: { id: string; name: string }): Workflow {
	return {
		id,
		name: 'Queue-mode removals',
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [
			{
				id: 'q1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'f0e1d2c3-0000-4000-8000-000000000010',
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'q2',
				name: 'One Item Per Pair',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.pairs', options: {} },
			},
			{
				id: 'q3',
				name: 'Elastic Path',
				type: 'n8n-nodes-elasticpath.elasticPath',
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'customerCartAssociation', operation: 'delete', cartId: '={{ $json.cartId }}', customerId: '={{ $json.customerId }}', options: {} },
				credentials: { elasticPathApi: credential },
				onError: 'continueRegularOutput',
			},
			{
				id: 'q4',
				name: 'All Results',
				type: 'n8n-nodes-base.aggregate',
				typeVersion: 1,
				position: [660, 0],
				parameters: { aggregate: 'aggregateAllItemData', options: {} },
			},
		] as unknown as Workflow['nodes'],
		connections: {
			Webhook: { main: [[{ node: 'One Item Per Pair', type: 'main', index: 0 }]] },
			'One Item Per Pair': { main: [[{ node: 'Elastic Path', type: 'main', index: 0 }]] },
			'Elastic Path': { main: [[{ node: 'All Results', type: 'main', index: 0 }]] },
		},
	};
}
