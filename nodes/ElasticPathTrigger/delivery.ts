import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { asRecord } from '../ElasticPath/transport';
import { selectedEvents } from './events';
import { seenBefore } from './repeats';
import { triggerState } from './state';

const SECRET_HEADER = 'x-moltin-secret-key';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether the delivered secret is the integration's, compared in constant time (digests have one length). */
export function secretMatches(expected: string | undefined, given: unknown): boolean {
	const value = Array.isArray(given) ? given[0] : given;
	if (!expected || typeof value !== 'string' || !value) return false;
	return timingSafeEqual(digest(expected), digest(value));
}

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

/**
 * Answers the request itself, then tells n8n it did (and whether to start the workflow).
 * n8n saves the static data changed by the webhook when the answer goes out: n8n 2.x sends its
 * own answer only after it has prepared the run, which reloads the static data first and loses
 * the change (the remembered event ID). Answering here keeps it, on 1.x and 2.x alike.
 */
function answer(context: IWebhookFunctions, status: number, body: IDataObject, item?: IDataObject): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
	return item ? { noWebhookResponse: true, workflowData: [[{ json: item }]] } : { noWebhookResponse: true };
}

/**
 * One delivery from Elastic Path: refused with 401 unless it carries the integration's secret;
 * otherwise answered 200 at once (the workflow runs after the answer) with one item, unless
 * it is an event not selected or, with Ignore Repeated Deliveries, one already delivered.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = triggerState(this);
	if (!secretMatches(state.secret, this.getHeaderData()[SECRET_HEADER])) {
		return answer(this, 401, { message: 'Missing or wrong X-Moltin-Secret-Key' });
	}
	const item = eventItem(this.getBodyData());
	if (!item) return answer(this, 400, { message: 'Not an Elastic Path event: the body needs "id" and "triggered_by"' });

	const selected = selectedEvents(this.getNodeParameter('events', []));
	if (!('events' in selected) || !selected.events.includes(String(item.event))) {
		return answer(this, 200, { received: true, started: false, reason: 'event not selected' });
	}
	const options = this.getNodeParameter('options', {}) as { ignoreRepeatedDeliveries?: boolean };
	if (options.ignoreRepeatedDeliveries !== false && seenBefore(state, String(item.eventId))) {
		return answer(this, 200, { received: true, started: false, reason: 'repeated delivery' });
	}
	return answer(this, 200, { received: true, started: true }, item);
}
