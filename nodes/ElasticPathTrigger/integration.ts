import { randomBytes } from 'node:crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EpccResponse } from '../ElasticPath/transport';
import { answerError, epccRequestOnce } from '../ElasticPath/transport';
import { selectedEvents } from './events';
import type { TriggerState } from './state';
import { forgetIntegration, triggerState } from './state';

const INTEGRATIONS_PATH = '/v2/integrations';

/** An integration's path: its ID (from Elastic Path, kept in static data) percent-encoded, so it stays one segment. */
function integrationPath(integrationId: string): string {
	if (integrationId === '.' || integrationId === '..') throw new Error(`"${integrationId}" is no integration ID`);
	return `${INTEGRATIONS_PATH}/${encodeURIComponent(integrationId)}`;
}

const CANNOT_MANAGE =
	'The credential may not manage integrations (webhooks): use a Client Credentials credential (the client ID and secret of an application key with access to integrations); an Implicit (shopper) token cannot.';

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

function eventsOf(context: IHookFunctions): string[] {
	const selected = selectedEvents(context.getNodeParameter('events', []));
	if ('problem' in selected) throw new NodeOperationError(context.getNode(), selected.problem);
	return selected.events;
}

function refusedUnlessOk(context: IHookFunctions, response: EpccResponse, what: string): void {
	if (response.statusCode < 300) return;
	const hint = response.statusCode === 401 || response.statusCode === 403 ? CANNOT_MANAGE : 'Elastic Path did not accept the integration as sent.';
	const error = answerError(context, 0, response, hint);
	error.message = `Elastic Path refused to ${what} (${error.message.replace(/^Elastic Path answered /, 'HTTP ')})`;
	throw error;
}

async function removeIntegration(context: IHookFunctions, state: TriggerState): Promise<void> {
	const response = await epccRequestOnce(context, {
		method: 'DELETE',
		path: integrationPath(state.integrationId!),
		acceptStatuses: [401, 403, 404],
	});
	if (response.statusCode !== 404) refusedUnlessOk(context, response, 'delete the trigger\'s integration');
	forgetIntegration(state);
}

function sameEvents(observed: unknown, events: string[]): boolean {
	return Array.isArray(observed) && [...new Set(observed.map(String))].sort().join() === events.join();
}

/**
 * Whether the integration this node created still exists and delivers here: found by the ID in
 * static data, pointing at this webhook URL, observing the selected events. One that is ours
 * but points elsewhere (n8n's URL or the events changed) is deleted, so `create` replaces it.
 */
export async function integrationExists(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	if (!state.integrationId || !state.secret) return false;
	const response = await epccRequestOnce(this, {
		method: 'GET',
		path: integrationPath(state.integrationId),
		acceptStatuses: [401, 403, 404],
	});
	if (response.statusCode === 404) {
		forgetIntegration(state);
		return false;
	}
	refusedUnlessOk(this, response, 'read the trigger\'s integration');
	const integration = (response.body as { data?: IDataObject } | undefined)?.data;
	const configuration = integration?.configuration as IDataObject | undefined;
	if (configuration?.url === webhookUrlOf(this) && sameEvents(integration?.observes, eventsOf(this))) return true;
	await removeIntegration(this, state);
	return false;
}

/** Creates the integration that delivers the selected events to this webhook, with a new random secret. */
export async function createIntegration(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	const url = webhookUrlOf(this);
	const events = eventsOf(this);
	const secret = randomBytes(32).toString('hex');
	const workflow = this.getWorkflow();
	const response = await epccRequestOnce(this, {
		method: 'POST',
		path: INTEGRATIONS_PATH,
		body: {
			data: {
				type: 'integration',
				name: `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`.slice(0, 255),
				description: `Created by the n8n node "${this.getNode().name}" (workflow ${workflow.id ?? ''}); deleted when the workflow is deactivated.`,
				enabled: true,
				integration_type: 'webhook',
				observes: events,
				configuration: { url, secret_key: secret },
			},
		},
		acceptStatuses: [400, 401, 403, 422],
	});
	refusedUnlessOk(this, response, 'create the trigger\'s integration');
	const id = (response.body as { data?: { id?: unknown } } | undefined)?.data?.id;
	if (typeof id !== 'string' || !id) {
		throw new NodeOperationError(this.getNode(), 'Elastic Path created the integration but its answer had no data.id');
	}
	Object.assign(state, { integrationId: id, secret });
	return true;
}

/** Deletes the integration this node created (one already gone counts as deleted). */
export async function deleteIntegration(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	if (!state.integrationId) return true;
	await removeIntegration(this, state);
	return true;
}
