/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the emulator is a test server in plain Node.js; the n8n Cloud rules are for the node */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ApiSettings } from './api';
import { apiSettings, EpccApi } from './api';
import { IntegrationStore } from './integrations';
import type { Answer } from './jsonapi';
import { documented } from './jsonapi';
import type { OtherClient, RateWindow } from './rateLimit';
import { otherClientSends, RateLimiter } from './rateLimit';
import { bearer } from './requests';
import type { Client } from './state';
import { StoreState } from './state';
import type { Traffic } from './traffic';
import { TrafficRecorder } from './traffic';

export type Fault =
	| { kind: 'answer'; answer: Answer }
	/** The connection is dropped before the request is processed: nothing changed. */
	| { kind: 'reset-before' }
	/** The request is processed (state changes), then the connection is dropped. */
	| { kind: 'reset-after' }
	/** The request is never answered. */
	| { kind: 'hang' }
	/** Headers and half of the body are sent, then the connection is dropped. */
	| { kind: 'truncate' };

export interface ScriptedFault {
	fault: Fault;
	times: number;
	match: (request: ReceivedRequest) => boolean;
}

export interface EmulatorOptions extends Partial<ApiSettings> {
	clients?: Client[];
	/** Answer delay in ms, fixed or per request. */
	latencyMs?: number | ((request: ReceivedRequest) => number);
	/** Requests per second the store accepts; over it the API answers 429. */
	rateLimit?: number;
	/** How the limit is counted: the last second (default), or fixed one-second windows. */
	rateWindow?: RateWindow;
	/** Other clients of the store, counted against the same limit (see OtherClient). */
	otherClients?: OtherClient[];
	/** API requests (1 = the first) answered 429 once, whatever the limit. */
	throttleApiRequests?: number[];
	/** Send Retry-After (seconds) with 429 answers. */
	retryAfterSeconds?: number;
	/** Random faults for bulk runs: each request meets one with the given probability. */
	randomFaults?: Array<{ probability: number; fault: Fault }>;
	seed?: number;
}

export interface ReceivedRequest {
	seq: number;
	method: string;
	/** The request target exactly as received, before any decoding. */
	url: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	receivedAt: number;
	answeredAt?: number;
	status?: number;
	fault?: Fault['kind'] | 'rate-limited';
	/** The client ID of the access token an API request carries ('unknown' without a valid one). */
	clientId?: string;
}

export const isTokenRequest = (request: ReceivedRequest): boolean => request.path === '/oauth/access_token';

export const isApiRequest = (request: ReceivedRequest): boolean => !isTokenRequest(request);

export const DEFAULT_CLIENT: Client = { clientId: 'test-client-id', clientSecret: 'test-client-secret' };

/** A seeded PRNG (mulberry32), so random faults repeat run to run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Elastic Path Commerce Cloud on 127.0.0.1: the endpoints the node uses, with state, a request log and switches. */
export class EpccEmulator {
	readonly state: StoreState;

	readonly log: ReceivedRequest[] = [];

	/** Integrations (event subscriptions): `integrations.deliver(...)` sends an event as Elastic Path does. */
	readonly integrations = new IntegrationStore();

	/** Called for every request before it is answered, e.g. to change state mid-run. */
	beforeHandle?: (request: ReceivedRequest) => void;

	/** Most requests in progress at once. */
	maxInFlight = 0;

	private inFlight = 0;

	private readonly api: EpccApi;

	private readonly scripted: ScriptedFault[] = [];

	private readonly limiter?: RateLimiter;

	private recorder = new TrafficRecorder(Date.now());

	/** Other clients' requests are counted up to this moment. */
	private otherClientsUpTo = -Infinity;

	private apiSeq = 0;

	private readonly rand: () => number;

	private server?: Server;

	private seq = 0;

	constructor(readonly options: EmulatorOptions = {}) {
		this.state = new StoreState(options.clients ?? [DEFAULT_CLIENT]);
		this.api = new EpccApi(this.state, apiSettings(options), this.integrations);
		this.rand = random(options.seed ?? 42);
		if (options.rateLimit) this.limiter = new RateLimiter(options.rateLimit, options.rateWindow ?? 'sliding');
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('The emulator is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => void this.receive(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.recorder = new TrafficRecorder(Date.now());
		this.otherClientsUpTo = this.recorder.startedAt - 1;
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** The next `times` API requests (or those matching `match`, e.g. `isTokenRequest`) meet `fault`. */
	failNext(fault: Fault, times = 1, match: (request: ReceivedRequest) => boolean = isApiRequest): void {
		this.scripted.push({ fault, times, match });
	}

	/** Requests to the API proper (not the token endpoint). */
	apiRequests(): ReceivedRequest[] {
		return this.log.filter(isApiRequest);
	}

	tokenRequests(): ReceivedRequest[] {
		return this.log.filter(isTokenRequest);
	}

	/** Accepted and refused API requests per client per 100 ms since the emulator started, other clients included. */
	traffic(): Traffic {
		this.countOtherClients(Date.now());
		return this.recorder.snapshot();
	}

	private countOtherClients(upTo: number): void {
		if (!this.options.otherClients?.length || upTo <= this.otherClientsUpTo) return;
		const sends = this.options.otherClients
			.flatMap((client) => otherClientSends(client, this.recorder.startedAt, this.otherClientsUpTo, upTo).map((at) => ({ at, client })))
			.sort((a, b) => a.at - b.at);
		for (const { at, client } of sends) {
			const admitted = this.limiter?.admit(at) ?? true;
			this.recorder.record(client.clientId, at, admitted ? 'accepted' : 'refused');
		}
		this.otherClientsUpTo = upTo;
	}

	private clientOf(request: ReceivedRequest): string {
		const token = bearer(request);
		return (token && this.state.accessTokens.get(token)?.clientId) || 'unknown';
	}

	/** Scripted 429s first, then the store's limit. */
	private overRateLimit(request: ReceivedRequest): boolean {
		if (isApiRequest(request) && this.options.throttleApiRequests?.includes(++this.apiSeq)) return true;
		this.countOtherClients(request.receivedAt);
		return this.limiter ? !this.limiter.admit(request.receivedAt) : false;
	}

	private record(request: ReceivedRequest, fault: Fault | undefined): void {
		if (!request.clientId) return;
		const refused = request.fault === 'rate-limited' || (fault?.kind === 'answer' && fault.answer.status === 429);
		this.recorder.record(request.clientId, request.receivedAt, refused ? 'refused' : 'accepted');
	}

	private pickFault(request: ReceivedRequest): Fault | undefined {
		const index = this.scripted.findIndex((s) => s.match(request));
		if (index >= 0) {
			const scripted = this.scripted[index];
			if (--scripted.times <= 0) this.scripted.splice(index, 1);
			return scripted.fault;
		}
		for (const { probability, fault } of this.options.randomFaults ?? []) {
			if (this.rand() < probability) return fault;
		}
		return undefined;
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.on('close', () => this.inFlight--);

		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = req.url ?? '/';
		const queryAt = url.indexOf('?');
		const request: ReceivedRequest = {
			seq: ++this.seq,
			method: req.method ?? 'GET',
			url,
			path: queryAt >= 0 ? url.slice(0, queryAt) : url,
			query: queryAt >= 0 ? url.slice(queryAt + 1) : '',
			headers: req.headers,
			body: Buffer.concat(chunks).toString('utf8'),
			receivedAt: Date.now(),
		};
		if (isApiRequest(request)) request.clientId = this.clientOf(request);
		this.log.push(request);
		this.beforeHandle?.(request);

		if (this.overRateLimit(request)) {
			request.fault = 'rate-limited';
			this.record(request, undefined);
			const answer = documented.rateLimited();
			if (this.options.retryAfterSeconds !== undefined) {
				answer.headers = { 'Retry-After': String(this.options.retryAfterSeconds) };
			}
			await this.delay(request);
			return this.send(res, request, answer);
		}

		const fault = this.pickFault(request);
		if (fault) request.fault = fault.kind;
		this.record(request, fault);
		if (fault?.kind === 'reset-before') return void req.socket.destroy();
		if (fault?.kind === 'hang') return;

		await this.delay(request);
		if (fault?.kind === 'answer') return this.send(res, request, fault.answer);

		const answer = this.api.handle(request);
		if (fault?.kind === 'reset-after') {
			request.status = answer.status;
			return void req.socket.destroy();
		}
		if (fault?.kind === 'truncate') {
			// A 200 whose JSON body stops halfway: the request was handled, the answer is lost.
			const text = JSON.stringify(answer.body ?? { data: [{ type: 'customer', id: 'truncated-answer' }] });
			request.status = 200;
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(text.length) });
			res.write(text.slice(0, Math.floor(text.length / 2)));
			return void setTimeout(() => req.socket.destroy(), 5);
		}
		this.send(res, request, answer);
	}

	private async delay(request: ReceivedRequest): Promise<void> {
		const { latencyMs } = this.options;
		const ms = typeof latencyMs === 'function' ? latencyMs(request) : (latencyMs ?? 0);
		if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
	}

	private send(res: ServerResponse, request: ReceivedRequest, answer: Answer): void {
		request.status = answer.status;
		request.answeredAt = Date.now();
		const headers: Record<string, string> = { ...answer.headers };
		let text = answer.text;
		if (text === undefined && answer.body !== undefined && answer.status !== 204) {
			text = JSON.stringify(answer.body);
			headers['Content-Type'] = 'application/json';
		} else if (answer.contentType) {
			headers['Content-Type'] = answer.contentType;
		}
		res.writeHead(answer.status, headers);
		res.end(answer.status === 204 ? undefined : text);
	}
}
