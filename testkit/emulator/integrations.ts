import { randomUUID } from 'node:crypto';

import type { Answer } from './jsonapi';
import { errorAnswer } from './jsonapi';
import { pagedAnswer } from './listing';
import type { ApiRequest } from './requests';
import { decodeSegment } from './requests';
import type { AccessToken } from './state';

/** An integration (event subscription) as `POST /v2/integrations` records it. */
export interface Integration {
	id: string;
	name: string;
	description: string;
	enabled: boolean;
	integrationType: string;
	observes: string[];
	configuration: { url: string; secret_key?: string };
	createdAt: number;
	updatedAt: number;
}

/** One delivery attempt, as `GET /v2/integrations/{id}/logs` shows it. */
export interface IntegrationLog {
	id: string;
	integrationId: string;
	eventId: string;
	triggeredBy: string;
	attempt: number;
	statusCode?: number;
	/** What went wrong when there was no answer. */
	error?: string;
	/** The answer's body, as received. */
	answer?: string;
	at: number;
}

export interface DeliveryOptions {
	/** The event's ID; a new one by default. Deliver the same ID again to repeat an event. */
	eventId?: string;
	/** The attempt number the body carries (Elastic Path counts its retries). */
	attempt?: number;
	/** Send this secret instead of the integration's; `null` sends no secret header. */
	secret?: string | null;
	/** Deliver to this origin (another n8n process that serves the same webhooks) instead of the integration URL's. */
	origin?: string;
	included?: Record<string, unknown>;
}

const LOGS_SEGMENT = 'logs';

function toJson(integration: Integration) {
	return {
		type: 'integration',
		id: integration.id,
		name: integration.name,
		description: integration.description,
		enabled: integration.enabled,
		integration_type: integration.integrationType,
		observes: integration.observes,
		configuration: integration.configuration,
		links: { self: `/v2/integrations/${integration.id}` },
		meta: {
			timestamps: { created_at: new Date(integration.createdAt).toISOString(), updated_at: new Date(integration.updatedAt).toISOString() },
		},
	};
}

function logJson(log: IntegrationLog) {
	return {
		type: 'integration-log',
		id: log.id,
		succeeded: log.statusCode !== undefined && log.statusCode >= 200 && log.statusCode < 300,
		attempt: log.attempt,
		body: log.answer ?? '',
		status_code: log.statusCode ?? null,
		error_detail: log.error ?? '',
		relationships: { job: { data: { type: 'integration-job', id: log.eventId } } },
		meta: { timestamps: { created_at: new Date(log.at).toISOString() } },
	};
}

const forbidden = () => errorAnswer(403, 'Forbidden', 'You are not authorized to access integrations with this token');
const notFound = () => errorAnswer(404, 'Not Found', 'Integration not found');
const invalid = (detail: string) => errorAnswer(422, 'Failed Validation', detail);

type Attributes = Partial<Pick<Integration, 'name' | 'description' | 'enabled' | 'integrationType' | 'observes' | 'configuration'>>;

/** The fields of a create or update body, or why they are refused. */
function attributesOf(body: string, creating: boolean): Attributes | Answer {
	let data: Record<string, unknown> | undefined;
	try {
		data = (JSON.parse(body) as { data?: Record<string, unknown> }).data;
	} catch {
		return invalid('The body is not JSON');
	}
	if (!data || data.type !== 'integration') return invalid('data.type must be "integration"');
	const attributes: Attributes = {};
	if (data.name !== undefined || creating) {
		if (typeof data.name !== 'string' || !data.name) return invalid('name is required');
		attributes.name = data.name;
	}
	if (data.description !== undefined) attributes.description = String(data.description);
	if (data.enabled !== undefined) attributes.enabled = data.enabled === true;
	if (data.integration_type !== undefined || creating) {
		if (data.integration_type !== 'webhook' && data.integration_type !== 'aws_sqs') return invalid('integration_type must be webhook or aws_sqs');
		attributes.integrationType = data.integration_type;
	}
	if (data.observes !== undefined || creating) {
		if (!Array.isArray(data.observes) || data.observes.length === 0 || !data.observes.every((e) => typeof e === 'string')) {
			return invalid('observes must list at least one event');
		}
		attributes.observes = data.observes as string[];
	}
	if (data.configuration !== undefined || creating) {
		const configuration = data.configuration as Integration['configuration'] | undefined;
		if (typeof configuration?.url !== 'string' || !/^https?:\/\//.test(configuration.url)) return invalid('configuration.url must be a URL');
		attributes.configuration = { url: configuration.url, secret_key: configuration.secret_key };
	}
	return attributes;
}

const isAnswer = (value: Attributes | Answer): value is Answer => 'status' in value;

/** Integrations (event subscriptions) and their delivery logs, with deliveries to the registered URLs. */
export class IntegrationStore {
	readonly byId = new Map<string, Integration>();

	readonly logs: IntegrationLog[] = [];

	/** `/v2/integrations[/{id}[/logs]]`: `segments` are the path's parts after `integrations`. */
	handle(request: ApiRequest, access: AccessToken, segments: string[]): Answer {
		// Integrations are store configuration: an administrator's (client_credentials) token only.
		if (access.grant !== 'client_credentials') return forbidden();
		const [rawId, sub, ...rest] = segments;
		if (rawId === undefined || rawId === '') {
			if (request.method === 'GET') return pagedAnswer(request, [...this.byId.values()], toJson);
			if (request.method === 'POST') return this.create(request);
			return errorAnswer(405, 'Method Not Allowed');
		}
		const id = decodeSegment(rawId);
		const integration = id === undefined ? undefined : this.byId.get(id);
		if (!integration) return notFound();
		if (sub === LOGS_SEGMENT && rest.length === 0 && request.method === 'GET') {
			const logs = this.logs.filter((log) => log.integrationId === integration.id);
			return { status: 200, body: { data: logs.map(logJson), meta: { results: { total: logs.length } } } };
		}
		if (sub !== undefined) return errorAnswer(404, 'Not Found', `No route for ${request.method} ${request.path}`);
		if (request.method === 'GET') return { status: 200, body: { data: toJson(integration) } };
		if (request.method === 'PUT') return this.update(integration, request);
		if (request.method === 'DELETE') {
			this.byId.delete(integration.id);
			return { status: 200, text: '' };
		}
		return errorAnswer(405, 'Method Not Allowed');
	}

	private create(request: ApiRequest): Answer {
		const attributes = attributesOf(request.body, true);
		if (isAnswer(attributes)) return attributes;
		const now = Date.now();
		const integration: Integration = {
			id: randomUUID(),
			description: '',
			enabled: true,
			...(attributes as Required<Pick<Attributes, 'name' | 'integrationType' | 'observes' | 'configuration'>>),
			...(attributes.description === undefined ? {} : { description: attributes.description }),
			...(attributes.enabled === undefined ? {} : { enabled: attributes.enabled }),
			createdAt: now,
			updatedAt: now,
		};
		this.byId.set(integration.id, integration);
		return { status: 201, body: { data: toJson(integration) } };
	}

	private update(integration: Integration, request: ApiRequest): Answer {
		const attributes = attributesOf(request.body, false);
		if (isAnswer(attributes)) return attributes;
		Object.assign(integration, attributes, { updatedAt: Date.now() });
		return { status: 200, body: { data: toJson(integration) } };
	}

	/**
	 * Delivers an event as Elastic Path does: to each enabled webhook integration observing it,
	 * an HTTP POST with `X-Moltin-Secret-Key` and a body that repeats the configuration (secret
	 * included). Each attempt is logged; resolves with the logs of this delivery.
	 */
	async deliver(event: string, resource: Record<string, unknown>, options: DeliveryOptions = {}): Promise<IntegrationLog[]> {
		const eventId = options.eventId ?? randomUUID();
		const attempt = options.attempt ?? 1;
		const targets = [...this.byId.values()].filter((i) => i.enabled && i.integrationType === 'webhook' && i.observes.includes(event));
		const deleted = event.endsWith('.deleted');
		const payload = deleted ? { type: resource.type, id: resource.id } : { data: resource, ...(options.included ? { included: options.included } : {}) };
		return await Promise.all(
			targets.map(async (integration) => {
				const body = {
					id: eventId,
					triggered_by: event,
					attempt,
					integration: { id: integration.id, integration_type: integration.integrationType, name: integration.name, description: integration.description },
					resources: JSON.stringify(deleted ? payload : { data: resource }),
					payload,
					configuration: integration.configuration,
				};
				const secret = options.secret === undefined ? integration.configuration.secret_key : options.secret;
				const log: IntegrationLog = { id: randomUUID(), integrationId: integration.id, eventId, triggeredBy: event, attempt, at: Date.now() };
				try {
					const url = options.origin ? `${options.origin}${new URL(integration.configuration.url).pathname}` : integration.configuration.url;
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json', ...(secret === null || secret === undefined ? {} : { 'X-Moltin-Secret-Key': secret }) },
						body: JSON.stringify(body),
						// An answer later than 10 s counts as failed.
						signal: AbortSignal.timeout(10_000),
					});
					log.statusCode = response.status;
					log.answer = await response.text();
				} catch (error) {
					log.error = (error as Error).message;
				}
				this.logs.push(log);
				return log;
			}),
		);
	}
}
