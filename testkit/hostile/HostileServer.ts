/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test server in plain Node.js; the n8n Cloud rules are for the node */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileRequest {
	method: string;
	url: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** What the server does with a request: answer it (status, headers, body) or never answer (`hang`). */
export type HostileAnswer =
	| { status: number; headers?: Record<string, string>; body?: unknown }
	| 'hang';

export type HostileHandler = (request: HostileRequest, server: HostileServer) => HostileAnswer;

export const isTokenPath = (request: HostileRequest): boolean => request.path === '/oauth/access_token';

/**
 * A misbehaving server on 127.0.0.1, kept apart from the emulator: it answers whatever its
 * handler says (redirects, echoed secrets, silence), records every request it received and
 * counts the connections still open, so a test can check that nothing was left hanging.
 */
export class HostileServer {
	readonly received: HostileRequest[] = [];

	private readonly server: Server;

	private readonly sockets = new Set<Socket>();

	private port = 0;

	constructor(public handler: HostileHandler = () => ({ status: 404 })) {
		this.server = createServer((request, response) => this.handle(request, response));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	get origin(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Connections the server still has open. */
	get openSockets(): number {
		return this.sockets.size;
	}

	tokenRequests(): HostileRequest[] {
		return this.received.filter(isTokenPath);
	}

	apiRequests(): HostileRequest[] {
		return this.received.filter((request) => !isTokenPath(request));
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private handle(request: IncomingMessage, response: ServerResponse): void {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = request.url ?? '/';
			const received: HostileRequest = {
				method: request.method ?? 'GET',
				url,
				path: url.split('?')[0],
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			this.received.push(received);
			const answer = this.handler(received, this);
			if (answer === 'hang') return;
			const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
			response.writeHead(answer.status, {
				'Content-Type': typeof answer.body === 'string' ? 'text/plain' : 'application/json',
				...answer.headers,
			});
			response.end(text);
		});
	}
}

/** The token endpoint of a store that issues `token` to anyone. */
export function issuing(token: string, otherwise: HostileHandler): HostileHandler {
	return (request, server) =>
		isTokenPath(request)
			? { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600, expires: Math.floor(Date.now() / 1000) + 3600, identifier: 'client_credentials' } }
			: otherwise(request, server);
}
