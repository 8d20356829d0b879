/** What an Elastic Path error answer says, from whatever body came back (JSON:API, other JSON, HTML, text or nothing). */
export interface ErrorSummary {
	title?: string;
	detail?: string;
	requestId?: string;
}

const MAX_TEXT = 300;

function text(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') return undefined;
	const clean = value.replace(/\s+/g, ' ').trim();
	if (!clean) return undefined;
	return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}…` : clean;
}

function parse(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return body;
	}
}

function fromHtml(html: string): string | undefined {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
	const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(html)?.[1];
	return text(title ?? heading ?? html.replace(/<[^>]*>/g, ' '));
}

export function summarizeErrorBody(body: unknown): ErrorSummary {
	const parsed = parse(body);
	if (typeof parsed === 'string') {
		return /<[a-z!][^>]*>/i.test(parsed) ? { title: fromHtml(parsed) } : { title: text(parsed) };
	}
	if (!parsed || typeof parsed !== 'object') return {};

	const record = parsed as Record<string, unknown>;
	const errors = Array.isArray(record.errors) ? record.errors : undefined;
	const first = (errors?.[0] ?? record) as Record<string, unknown>;
	if (!first || typeof first !== 'object') return {};
	const meta = first.meta as Record<string, unknown> | undefined;
	const summary: ErrorSummary = {
		title: text(first.title) ?? text(first.error) ?? text(first.message),
		detail: text(first.detail) ?? text(first.error_description),
		requestId: text(meta?.request_id),
	};
	if (errors && errors.length > 1) {
		const others = errors
			.slice(1)
			.map((e) => text((e as Record<string, unknown>)?.title))
			.filter(Boolean);
		if (others.length) summary.detail = [summary.detail, ...others].filter(Boolean).join('; ');
	}
	return summary;
}

/** What Elastic Path said, as one phrase ("Title: detail"); empty when it said nothing. */
export function titleAndDetail({ title, detail }: ErrorSummary): string {
	return [title, detail].filter(Boolean).join(': ');
}
