import { asRecord } from '../../transport';

/** The most records a listing (`GET /v2/carts`, `/v2/orders`, `/v2/customers`) gives per page (`page[limit]` maximum). */
export const PAGE_LIMIT = 100;

/**
 * The largest `page[offset]` the OpenAPI description allows for carts and orders (`maximum:
 * 10000`, a "soft limit"): pages from offset 0 to 10,000 reach 10,100 records. Past it the
 * node still asks once; if the store answers, it goes on; if it refuses (or does not
 * advance), the listing is cut there and the node says so.
 */
export const DOCUMENTED_MAX_OFFSET = 10_000;

interface Page {
	/** `data[]` as received. */
	entries: unknown[];
	/** Whether another page may follow. */
	more: boolean;
	/** Where the next page starts: this offset plus the records actually received. */
	nextOffset: number;
	/** `meta.results.total`, for reporting only: the OpenAPI description is unsure whether it counts records or pages. */
	reportedTotal?: number;
}

/**
 * Reads one page of a collection (`CartCollectionResponse`, `OrderCollectionResponse`, …).
 * Another page may follow when this one is full (by the limit the API says it applied in
 * `meta.page.limit`, in case it caps ours) or `links.next` names one; the offset advances by
 * what was received, so a capped page size never skips records. `undefined` when the body has no `data` list.
 */
export function readPage(body: unknown, offset: number): Page | undefined {
	const data = asRecord(body)?.data;
	if (!Array.isArray(data)) return undefined;
	const meta = asRecord(asRecord(body)?.meta);
	const appliedLimit = Number(asRecord(meta?.page)?.limit);
	const pageSize = Number.isInteger(appliedLimit) && appliedLimit > 0 ? Math.min(appliedLimit, PAGE_LIMIT) : PAGE_LIMIT;
	const next = asRecord(asRecord(body)?.links)?.next;
	const total = asRecord(meta?.results)?.total;
	return {
		entries: data,
		more: data.length > 0 && (data.length >= pageSize || (typeof next === 'string' && next !== '')),
		nextOffset: offset + data.length,
		reportedTotal: typeof total === 'number' ? total : undefined,
	};
}

/**
 * Whether every cart read so far came newest `updated_at` first, as the API documents. Only
 * then may an "updated after" filter stop paging at the first older cart; a missing or
 * out-of-order timestamp turns early stopping off for the rest of the listing.
 */
export class NewestFirstWatch {
	private last?: number;

	private broken = false;

	see(updatedAt: number | undefined): void {
		if (updatedAt === undefined || (this.last !== undefined && updatedAt > this.last)) this.broken = true;
		this.last = updatedAt;
	}

	/** Every cart still to come was updated at or before `instant`. */
	allLaterAtOrBefore(instant: number): boolean {
		return !this.broken && this.last !== undefined && this.last <= instant;
	}
}
