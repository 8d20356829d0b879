import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { ANSWERS_ONCE_EXECUTION_IS_TAKEN } from '../ElasticPath/n8nCompatibility';
import { asRecord, CREDENTIAL_TYPE } from '../ElasticPath/transport';
import { selectedEvents } from './events';
import { earlierDelivery, firstToAct } from './repeats';
import { integrationSecret, secretMatches } from './secret';
import { triggerState } from './state';

const SECRET_HEADER = 'x-moltin-secret-key';

/** The answer to a delivery that starts the workflow. */
const STARTED = { received: true, started: true };

/** The resource an event is about: `payload.data`, or the `{type, id}` a deleted resource leaves. */
function deliveredResource(payload: IDataObject | undefined): IDataObject | undefined {
	return asRecord(payload?.data) ?? (payload && 'id' in payload ? payload : undefined);
}

/**
 * The output item for a delivery, or `undefined` when the body is no Elastic Path event.
 * Built field by field: the body repeats the secret (`configuration.secret_key`), which
 * must never reach the workflow.
 */
export function eventItem(body: unknown): IDataObject | undefined {
	const delivery = asRecord(body);
	if (!delivery || typeof delivery.triggered_by !== 'string' || delivery.id === undefined) return undefined;
	const resource = deliveredResource(asRecord(delivery.payload));
	return {
		event: delivery.triggered_by,
		eventId: String(delivery.id),
		attempt: typeof delivery.attempt === 'number' ? delivery.attempt : Number(delivery.attempt) || 1,
		resourceType: typeof resource?.type === 'string' ? resource.type : null,
		resourceId: resource?.id === undefined ? null : String(resource.id),
		data: resource ?? null,
	};
}

/** A delivery answered here, without starting the workflow. */
function answerHere(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

const ignoresRepeats = (options: unknown) => (options as { ignoreRepeatedDeliveries?: boolean }).ignoreRepeatedDeliveries !== false;

/**
 * One delivery from Elastic Path: refused with 401 unless it carries the integration's secret;
 * answered 200 without starting the workflow when its event is not selected or this process
 * already let it through; answered 503 while n8n has not answered an earlier delivery of it;
 * otherwise it starts the workflow with one item. The answer to that
 * goes out only once n8n has taken the execution (see ANSWERS_ONCE_EXECUTION_IS_TAKEN), so
 * a delivery n8n could not take is retried by Elastic Path. Nothing here writes static data.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const expected = integrationSecret(await this.getCredentials(CREDENTIAL_TYPE), this.getWorkflow(), this.getNode());
	if (!secretMatches([expected, triggerState(this).secret], this.getHeaderData()[SECRET_HEADER])) {
		return answerHere(this, 401, { message: 'Missing or wrong X-Moltin-Secret-Key' });
	}
	const item = eventItem(this.getBodyData());
	if (!item) return answerHere(this, 400, { message: 'Not an Elastic Path event: the body needs "id" and "triggered_by"' });

	const selected = selectedEvents(this.getNodeParameter('events', []));
	if (!('events' in selected) || !selected.events.includes(String(item.event))) {
		return answerHere(this, 200, { received: true, started: false, reason: 'event not selected' });
	}
	if (ignoresRepeats(this.getNodeParameter('options', {}))) {
		const earlier = await earlierDelivery(this, String(item.eventId));
		if (earlier === 'taken') return answerHere(this, 200, { received: true, started: false, reason: 'repeated delivery' });
		if (earlier === 'pending') {
			return answerHere(this, 503, { received: true, started: false, reason: 'an earlier delivery of this event is still waiting for n8n: deliver again later' });
		}
	}
	// When it arrived: a listing of the store started after this holds every cart the event concerns.
	return { workflowData: [[{ json: { ...item, receivedAt: new Date().toISOString() } }]], webhookResponse: STARTED };
}

/**
 * The trigger's step in the execution a delivery started: the check that decides whether the
 * event was acted on already (by an execution of another delivery of it, in this process or
 * another). A repeated event leaves no item, so the execution ends at once without acting.
 * On hosts that answer a delivery before taking its execution, the answer goes out from here.
 */
export async function admitEvents(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const admitted: INodeExecutionData[] = [];
	const items = this.getInputData();
	const checked = ignoresRepeats(this.getNodeParameter('options', 0, {}));
	for (const [index, item] of items.entries()) {
		const eventId = String(item.json.eventId ?? '');
		if (!eventId || !checked || (await firstToAct(this, eventId))) admitted.push({ json: item.json, pairedItem: { item: index } });
	}
	if (!ANSWERS_ONCE_EXECUTION_IS_TAKEN) {
		await this.sendResponse({ body: { received: true, started: admitted.length > 0 }, headers: { 'content-type': 'application/json' }, statusCode: 200 });
	}
	return [admitted];
}
