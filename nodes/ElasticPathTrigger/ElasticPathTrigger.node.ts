import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { MAIN } from '../ElasticPath/n8nCompatibility';
import { receiveDelivery } from './delivery';
import { EVENT_OPTIONS } from './events';
import { createIntegration, deleteIntegration, integrationExists } from './integration';

export class ElasticPathTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Elastic Path Trigger',
		name: 'elasticPathTrigger',
		icon: { light: 'file:../../icons/elasticpath.svg', dark: 'file:../../icons/elasticpath.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when Elastic Path Commerce Cloud reports an event: a customer or account deleted, an order paid, a cart deleted',
		defaults: { name: 'Elastic Path Trigger' },
		inputs: [],
		outputs: [MAIN],
		credentials: [{ name: 'elasticPathApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_OPTIONS,
				default: ['customer.deleted'],
				description: 'What Elastic Path reports to this workflow. On activation the node creates an integration (webhook) observing these events; on deactivation it deletes it.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeatedDeliveries',
						type: 'boolean',
						default: true,
						description: 'Whether to drop an event whose ID was already delivered in the last 24 hours. Elastic Path delivers at least once and retries, so one event can arrive twice.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await integrationExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createIntegration.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteIntegration.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
