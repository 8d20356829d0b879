import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerError, asRecord, epccRequest, summarizeErrorBody, titleAndDetail } from '../../transport';
import { DOCUMENTED_MAX_OFFSET, PAGE_LIMIT, readPage } from './paging';

/** What a listing reads (carts, orders, customers), for its requests and for what the node says about it. */
export interface ListedKind {
	path: string;
	/** How the records are called: "cart" / "carts". */
	one: string;
	many: string;
	/** Which records come last, the ones a cut leaves unread: "the least recently updated ones". */
	lastOnes: string;
	/** What listing needs: the description of a refused listing. */
	needs: string;
	/** How to reach the records a cut leaves unread. */
	advice: string;
}

/** A record of a listing: an object with an ID. */
export type Listed = IDataObject & { id: string };

/** Where and why a listing stopped before its end. */
export interface Cut {
	offset: number;
	/** Records read before the cut. */
	read: number;
	reportedTotal?: number;
	/** What Elastic Path answered at `offset`. */
	answer: string;
}

export function cutMessage(kind: ListedKind, cut: Cut): string {
	const total = cut.reportedTotal !== undefined ? ` (Elastic Path reports a total of ${cut.reportedTotal})` : '';
	return `The ${kind.one} listing was cut at offset ${cut.offset}: ${cut.answer}. ${cut.read} ${kind.many} were read${total}; the ${kind.many} after them, ${kind.lastOnes}, were not read.`;
}

function asListed(entry: unknown): Listed | undefined {
	const id = asRecord(entry)?.id;
	return typeof id === 'string' && id ? (entry as Listed) : undefined;
}

/**
 * Reads a listing page by page (100 at a time), in sequence for one item, and hands each page's
 * records not read before (records move when they change during the listing) to `take`, until
 * `take` says it has enough or the listing ends. Past the documented offset, a refused page or
 * one of records already read is a cut: returned, never silent.
 */
export async function readListing(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: ListedKind,
	request: { qs?: IDataObject; headers: Record<string, string> },
	take: (records: Listed[]) => Promise<'enough' | 'more'>,
): Promise<Cut | undefined> {
	const seen = new Set<string>();
	let reportedTotal: number | undefined;
	for (let offset = 0; ; ) {
		const beyondDocumented = offset > DOCUMENTED_MAX_OFFSET;
		const response = await epccRequest.call(this, itemIndex, {
			method: 'GET',
			path: kind.path,
			qs: { ...request.qs, 'page[limit]': PAGE_LIMIT, 'page[offset]': offset },
			headers: request.headers,
			acceptStatuses: beyondDocumented ? [400, 403, 422] : [400, 403],
		});
		if (response.statusCode >= 400) {
			if (!beyondDocumented || response.statusCode === 403) throw answerError(this, itemIndex, response, kind.needs);
			const said = titleAndDetail(summarizeErrorBody(response.body));
			const answer = `Elastic Path refused the page (HTTP ${response.statusCode}${said ? `: ${said}` : ''})`;
			return { offset, read: seen.size, reportedTotal, answer };
		}
		const page = readPage(response.body, offset);
		if (!page) {
			throw new NodeOperationError(
				this.getNode(),
				`Elastic Path answered the ${kind.one} listing at offset ${offset} without a "data" list`,
				{ itemIndex },
			);
		}
		reportedTotal = page.reportedTotal ?? reportedTotal;

		const fresh: Listed[] = [];
		for (const record of page.entries.map(asListed)) {
			if (!record || seen.has(record.id)) continue;
			seen.add(record.id);
			fresh.push(record);
		}
		if ((await take(fresh)) === 'enough' || !page.more) return undefined;
		if (fresh.length === 0) {
			// Only records already read: the API does not page further (e.g. it repeats its last allowed page).
			return { offset, read: seen.size, reportedTotal, answer: `Elastic Path answered with ${kind.many} already read` };
		}
		offset = page.nextOffset;
	}
}

/** Reads a listing and makes each record's outputs, up to `limit` outputs. */
export async function listOutputs(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: ListedKind,
	request: { qs?: IDataObject; headers: Record<string, string> },
	{ limit, outputsOf }: { limit: number; outputsOf: (record: Listed) => IDataObject[] },
): Promise<{ output: IDataObject[]; cut?: Cut }> {
	const output: IDataObject[] = [];
	const cut = await readListing.call(this, itemIndex, kind, request, async (records) => {
		output.push(...records.flatMap(outputsOf));
		return output.length >= limit ? 'enough' : 'more';
	});
	return { output: output.slice(0, limit), cut };
}
