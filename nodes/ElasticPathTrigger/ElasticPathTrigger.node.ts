import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ANSWERS_ONCE_EXECUTION_IS_TAKEN, MAIN } from '../ElasticPath/n8nCompatibility';
import { admitEvents, receiveDelivery } from './delivery';
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
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// A delivery is answered only once n8n has taken its execution: n8n 2.x does that in
				// "onReceived" mode; on n8n 1.x the execution answers it as it starts (see admitEvents).
				responseMode: ANSWERS_ONCE_EXECUTION_IS_TAKEN ? 'onReceived' : 'responseNode',
				// What n8n 2.x answers in "onReceived" mode (without it, the text "firstEntryJson").
				responseData: '={{ { "received": true, "started": true } }}',
				path: 'webhook',
			},
		],
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
						description: 'Whether to act once on an event Elastic Path delivers more than once (it delivers at least once and retries): a repeated event ID starts no run, or a run that ends at once',
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await admitEvents.call(this);
	}
}
