/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test server in plain Node.js; the n8n Cloud rules are for the node */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message of an OpenAI chat completion request. */
export interface ChatMessage {
	role: string;
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_call_id?: string;
}

/** A tool the request offers the model (OpenAI's function tools). */
interface OfferedTool {
	type: string;
	function: { name: string; description?: string; parameters?: unknown };
}

export interface ChatRequest {
	model?: string;
	messages: ChatMessage[];
	tools?: OfferedTool[];
	stream?: boolean;
}

/** What the script decides for one request: call a tool, or answer. */
export type Turn = { tool: string; arguments: Record<string, unknown> } | { answer: string };

/** The text of a message, whether its content is a string or a list of parts. */
export function textOf(message: ChatMessage | undefined): string {
	const content = message?.content;
	if (typeof content === 'string') return content;
	return (content ?? []).map((part) => part.text ?? '').join('');
}

/**
 * An OpenAI-compatible chat model on 127.0.0.1 whose answers a test scripts: `POST
 * /v1/chat/completions` (plain or streamed) and `GET /v1/models`. Every completion request is
 * kept, so a test sees what the agent sent the model (the tools it offered, the tool results).
 */
export class ScriptedChatModel {
	readonly requests: ChatRequest[] = [];

	private server?: Server;

	private calls = 0;

	constructor(private readonly script: (request: ChatRequest) => Turn) {}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('The chat model is not started');
		return `http://127.0.0.1:${address.port}/v1`;
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.receive(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const path = (req.url ?? '').split('?')[0].replace(/^\/v1/, '');
		if (req.method === 'GET' && path === '/models') {
			return this.json(res, 200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'test' }] });
		}
		if (req.method !== 'POST' || path !== '/chat/completions') return this.json(res, 404, { error: { message: `No route ${req.method} ${req.url}` } });
		const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		this.requests.push(request);
		const turn = this.script(request);
		const id = `chatcmpl-${++this.calls}`;
		const message =
			'tool' in turn
				? {
						role: 'assistant',
						content: null,
						tool_calls: [{ id: `call_${this.calls}`, type: 'function', function: { name: turn.tool, arguments: JSON.stringify(turn.arguments) } }],
					}
				: { role: 'assistant', content: turn.answer };
		const finish = 'tool' in turn ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		if (request.stream) return this.stream(res, id, request.model, message, finish, usage);
		this.json(res, 200, {
			id,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: request.model ?? 'gpt-4o-mini',
			choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
			usage,
		});
	}

	/** The same answer as server-sent chunks, for a client that asked for `stream: true`. */
	private stream(res: ServerResponse, id: string, model: string | undefined, message: Record<string, unknown>, finish: string, usage: unknown) {
		res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
		const chunk = (delta: unknown, finishReason: string | null, extra: Record<string, unknown> = {}) =>
			res.write(
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: model ?? 'gpt-4o-mini', choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`,
			);
		const toolCalls = (message.tool_calls as Array<Record<string, unknown>> | undefined)?.map((call, index) => ({ index, ...call }));
		chunk({ role: 'assistant', content: toolCalls ? null : message.content, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, null);
		chunk({}, finish, { usage });
		res.end('data: [DONE]\n\n');
	}

	private json(res: ServerResponse, status: number, body: unknown): void {
		res.writeHead(status, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	}
}
