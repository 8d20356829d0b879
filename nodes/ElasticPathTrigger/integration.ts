import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { EpccResponse } from '../ElasticPath/transport';
import { answerError, asRecord, asText, CREDENTIAL_TYPE, epccHookRequest } from '../ElasticPath/transport';
import { selectedEvents } from './events';
import { integrationSecret } from './secret';
import { forgetIntegration, rememberIntegration, triggerState } from './state';

const INTEGRATIONS_PATH = '/v2/integrations';

/** How long after creating an integration to look for one another process created at the same moment. */
const SETTLE_MS = 1_000;

/** The most integrations `GET /v2/integrations` gives per page. */
const PAGE_LIMIT = 100;

/** An integration's path: its ID (from Elastic Path) percent-encoded, so it stays one segment. */
function integrationPath(integrationId: string): string {
	if (integrationId === '.' || integrationId === '..') throw new Error(`"${integrationId}" is no integration ID`);
	return `${INTEGRATIONS_PATH}/${encodeURIComponent(integrationId)}`;
}

const CANNOT_MANAGE =
	'The credential may not manage integrations (webhooks): use a Client Credentials credential (the client ID and secret of an application key with access to integrations); an Implicit (shopper) token cannot.';

/** What the integration of this trigger must be. */
interface Wanted {
	url: string;
	events: string[];
	secret: string;
	/** Marks the integrations of this trigger, whatever n8n's URL was when they were made. */
	webhookId: string;
}

async function wantedOf(context: IHookFunctions): Promise<Wanted> {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	const selected = selectedEvents(context.getNodeParameter('events', []));
	if ('problem' in selected) throw new NodeOperationError(context.getNode(), selected.problem);
	const node = context.getNode();
	const secret = integrationSecret(await context.getCredentials(CREDENTIAL_TYPE), context.getWorkflow(), node);
	if (!secret) throw new NodeOperationError(node, CANNOT_MANAGE);
	return { url, events: selected.events, secret, webhookId: node.webhookId ?? node.id };
}

function refusedUnlessOk(context: IHookFunctions, response: EpccResponse, what: string): void {
	if (response.statusCode < 300) return;
	const hint = response.statusCode === 401 || response.statusCode === 403 ? CANNOT_MANAGE : 'Elastic Path did not accept the integration as sent.';
	const error = answerError(context, 0, response, hint);
	error.message = `Elastic Path refused to ${what} (${error.message.replace(/^Elastic Path answered /, 'HTTP ')})`;
	throw error;
}

const urlOf = (integration: IDataObject) => asText(asRecord(integration.configuration)?.url) ?? '';

/** Test listeners deliver to `/webhook-test/…`, active workflows to `/webhook/…`. */
const isTestUrl = (url: string) => /\/webhook-test\//.test(url);

/** Whether an integration delivers to this trigger (at any n8n URL, test or production): its URL ends in the trigger's webhook path. */
function isThisTriggers(integration: IDataObject, wanted: Wanted): boolean {
	return urlOf(integration).endsWith(`/${wanted.webhookId}/webhook`);
}

/** What about an integration differs from what this trigger needs; empty when nothing does. */
function differences(integration: IDataObject, wanted: Wanted): string[] {
	const configuration = asRecord(integration.configuration);
	const observed = Array.isArray(integration.observes) ? [...new Set(integration.observes.map(String))].sort() : [];
	const found: string[] = [];
	if (integration.enabled !== true) found.push('disabled');
	if (urlOf(integration) !== wanted.url) found.push('pointing elsewhere');
	if (observed.join() !== wanted.events.join()) found.push('observing other events');
	// Elastic Path may leave the secret out of what it shows: only one shown and different is another.
	const secret = configuration?.secret_key;
	if (typeof secret === 'string' && secret !== wanted.secret) found.push('holding another secret');
	return found;
}

/** Oldest first, then by ID: every n8n process that lists the same integrations picks the same one to keep. */
function oldestFirst(a: IDataObject, b: IDataObject): number {
	const created = (integration: IDataObject) => asText(asRecord(asRecord(integration.meta)?.timestamps)?.created_at) ?? '';
	return created(a).localeCompare(created(b)) || String(a.id).localeCompare(String(b.id));
}

/** Every integration of the store that delivers to this trigger, oldest first. */
async function listThisTriggers(context: IHookFunctions, wanted: Wanted): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const response = await epccHookRequest(context, {
			method: 'GET',
			path: INTEGRATIONS_PATH,
			qs: { 'page[limit]': PAGE_LIMIT, 'page[offset]': offset },
			acceptStatuses: [401, 403],
		});
		refusedUnlessOk(context, response, 'list the store\'s integrations');
		const data = asRecord(response.body)?.data;
		const page = Array.isArray(data) ? data.map(asRecord).filter((entry): entry is IDataObject => typeof entry?.id === 'string') : [];
		found.push(...page.filter((integration) => isThisTriggers(integration, wanted)));
		if (page.length < PAGE_LIMIT) break;
		offset += page.length;
	}
	return found.sort(oldestFirst);
}

function body(context: IHookFunctions, wanted: Wanted): IDataObject {
	const workflow = context.getWorkflow();
	return {
		data: {
			type: 'integration',
			name: `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`.slice(0, 255),
			description: `Created by the n8n node "${context.getNode().name}" (workflow ${workflow.id ?? ''}); deleted when the workflow is deactivated.`,
			enabled: true,
			integration_type: 'webhook',
			observes: wanted.events,
			configuration: { url: wanted.url, secret_key: wanted.secret },
		},
	};
}

async function removeIntegration(context: IHookFunctions, id: string): Promise<void> {
	const response = await epccHookRequest(context, { method: 'DELETE', path: integrationPath(id), acceptStatuses: [401, 403, 404] });
	if (response.statusCode !== 404) refusedUnlessOk(context, response, 'delete the trigger\'s integration');
}

/** Makes an integration of this trigger deliver as wanted (it may have been disabled, re-keyed or left pointing elsewhere). */
async function adopt(context: IHookFunctions, integration: IDataObject, wanted: Wanted): Promise<void> {
	if (differences(integration, wanted).length === 0) return;
	const response = await epccHookRequest(context, {
		method: 'PUT',
		path: integrationPath(String(integration.id)),
		body: body(context, wanted),
		acceptStatuses: [400, 401, 403, 404, 422],
	});
	refusedUnlessOk(context, response, 'update the trigger\'s integration');
}

/**
 * Whether this trigger's integration still exists and delivers here as wanted (enabled, at this
 * URL, with these events and this secret). Only a 404 says it is gone. When Elastic Path cannot
 * be asked (a 429 or 503 that outlasts the retries, a network failure), it counts as existing:
 * n8n answers a failing check by deleting the integration, which would drop the deliveries
 * Elastic Path still holds for it.
 */
export async function integrationExists(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	if (!state.integrationId) return false;
	const wanted = await wantedOf(this);
	let response: EpccResponse;
	try {
		response = await epccHookRequest(this, { method: 'GET', path: integrationPath(state.integrationId), acceptStatuses: [401, 403, 404] });
	} catch {
		return true;
	}
	if (response.statusCode === 404) {
		forgetIntegration(state);
		return false;
	}
	if (response.statusCode >= 300) return true;
	const integration = asRecord(asRecord(response.body)?.data);
	return !!integration && differences(integration, wanted).length === 0;
}

/**
 * Makes exactly one integration deliver the selected events to this trigger. Integrations that
 * already deliver here (a create whose answer was lost, another n8n main activating at the same
 * time, one disabled or re-keyed in Commerce Manager) are adopted rather than duplicated; the
 * oldest is kept and the rest deleted, so every process that does this at once keeps the same one.
 */
export async function createIntegration(this: IHookFunctions): Promise<boolean> {
	const wanted = await wantedOf(this);
	let ours = await listThisTriggers(this, wanted);
	if (!ours.some((integration) => urlOf(integration) === wanted.url)) {
		const response = await epccHookRequest(this, {
			method: 'POST',
			path: INTEGRATIONS_PATH,
			body: body(this, wanted),
			acceptStatuses: [400, 401, 403, 422],
		}).catch((error: unknown) => error as Error);
		if (response instanceof Error) {
			// The store may have made it although its answer never came: look before failing.
			ours = await listThisTriggers(this, wanted);
			if (!ours.some((integration) => urlOf(integration) === wanted.url)) {
				throw new NodeOperationError(this.getNode(), response, { message: `Could not create the trigger's integration: ${response.message}` });
			}
		} else refusedUnlessOk(this, response, 'create the trigger\'s integration');
		// Another main may have made one at the same moment. Once both creates are surely done, every
		// process lists the same integrations and keeps the same one (the oldest, then the lowest ID).
		await sleep(SETTLE_MS);
		ours = await listThisTriggers(this, wanted);
	}
	const here = ours.filter((integration) => urlOf(integration) === wanted.url);
	const keep = here[0];
	if (!keep) throw new NodeOperationError(this.getNode(), 'Elastic Path created the integration but does not list it');
	await adopt(this, keep, wanted);
	// The rest deliver here too, or to this trigger at an earlier URL; a test listener's are kept while the workflow is active.
	const stale = ours.filter((integration) => integration !== keep && (isTestUrl(wanted.url) ? isTestUrl(urlOf(integration)) : true));
	for (const integration of stale) await removeIntegration(this, String(integration.id));
	// The one this trigger made before, edited in Commerce Manager to deliver elsewhere, is no longer found by its URL.
	const state = triggerState(this);
	if (state.integrationId && !ours.some((integration) => integration.id === state.integrationId)) await removeIntegration(this, state.integrationId);
	rememberIntegration(state, String(keep.id));
	return true;
}

/** Deletes this trigger's integration, and any other that delivers to its URL (one already gone counts as deleted). */
export async function deleteIntegration(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	const wanted = await wantedOf(this).catch(() => undefined);
	const ids = new Set<string>(state.integrationId ? [state.integrationId] : []);
	if (wanted) for (const integration of await listThisTriggers(this, wanted)) if (urlOf(integration) === wanted.url) ids.add(String(integration.id));
	for (const id of ids) await removeIntegration(this, id);
	forgetIntegration(state);
	return true;
}
