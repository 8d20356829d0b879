import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The least any n8n node must do for this job: read the two IDs of each item and send the
 * request through n8n's authenticated request helper, 20 at a time. No pacing, retries or
 * error handling. Its CPU and memory per item are n8n's floor, to which the Elastic Path
 * node's figures are compared.
 */
export const bareNode: INodeType = {
	description: {
		displayName: 'Bare Requests',
		name: 'bareRequests',
		group: ['transform'],
		version: 1,
		description: 'Benchmark floor',
		defaults: { name: 'Bare Requests' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'elasticPathApi', required: true }],
		properties: [
			{ displayName: 'Cart ID', name: 'cartId', type: 'string', default: '' },
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '' },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const i = next++;
				const cartId = this.getNodeParameter('cartId', i) as string;
				const customerId = this.getNodeParameter('customerId', i) as string;
				await this.helpers.httpRequestWithAuthentication.call(this, 'elasticPathApi', {
					method: 'DELETE',
					url: `/v2/carts/${encodeURIComponent(cartId)}/relationships/customers`,
					body: { data: [{ type: 'customer', id: customerId }] },
					json: true,
				});
				output[i] = { json: { cartId, customerId, success: true }, pairedItem: { item: i } };
			}
		};
		await Promise.all(Array.from({ length: 20 }, worker));
		return [output];
	},
};
