import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { storeKeyOf } from '../../transport';
import type { Cut, Listed } from '../shared/listing';
import { readListing } from '../shared/listing';
import { readDate } from '../shared/dates';
import { CART_LISTING } from './common';

/*
 * One listing of a store's carts serving every run of this process that may use a listing
 * started after a given time. A burst of customer.deleted events then lists the store about
 * once instead of once per event: a listing started after an event arrived holds every cart
 * the event concerns (no cart can be given a deleted customer), and records are filtered by
 * each run. Listings are kept for a minute after they end.
 */

/** A listing is used for a time only if it started at least this much later: n8n's processes (a webhook process stamps the time, a worker lists) may disagree on the time by up to this. */
export const CLOCK_MARGIN_MS = 1_000;

/** A listing not yet started waits for runs that need a later start at most this long after it was planned. */
const GATHER_MS = 2_000;

/** How long a finished listing serves later runs. */
const KEEP_MS = 60_000;

interface Listing {
	/** Wall-clock time (ms) at or after which its first page is asked for; moved later while it gathers. */
	startAt: number;
	plannedAt: number;
	started: boolean;
	endedAt?: number;
	result: Promise<{ records: Listed[]; cut?: Cut }>;
}

/** Per store and acting token: listings, oldest first. */
const listings = new Map<string, Listing[]>();

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

async function keyOf(context: IExecuteFunctions, headers: Record<string, string>): Promise<string | undefined> {
	const store = await storeKeyOf(context);
	// The acting tokens change what the listing holds (a customer's own carts): part of the key, hashed.
	return store === undefined ? undefined : digest(`${store}\n${JSON.stringify(Object.entries(headers).sort())}`);
}

function forgetOld(key: string, now: number): Listing[] {
	const kept = (listings.get(key) ?? []).filter((listing) => listing.endedAt === undefined || listing.endedAt > now - KEEP_MS);
	listings.set(key, kept);
	return kept;
}

/** Every cart of one listing, read page after page. */
async function readAll(context: IExecuteFunctions, itemIndex: number, headers: Record<string, string>): Promise<{ records: Listed[]; cut?: Cut }> {
	const records: Listed[] = [];
	const cut = await readListing.call(context, itemIndex, CART_LISTING, { headers }, async (page) => {
		records.push(...page);
		return 'more';
	});
	return { records, cut };
}

/** Reads a shared listing once its start time has come (runs that joined it may have moved it later). */
async function run(context: IExecuteFunctions, itemIndex: number, headers: Record<string, string>, listing: Listing) {
	for (let wait = listing.startAt - Date.now(); wait > 0; wait = listing.startAt - Date.now()) await sleep(Math.min(wait, 250));
	listing.started = true;
	try {
		return await readAll(context, itemIndex, headers);
	} finally {
		listing.endedAt = Date.now();
	}
}

/** Whether a listing holds every cart of an event that needs a start at `startAt`: it started then or later, or can still wait until then. */
const serves = (listing: Listing, startAt: number) => (listing.started ? listing.startAt >= startAt : listing.plannedAt + GATHER_MS >= startAt);

/**
 * Every cart of the store (as the acting tokens see it) from a listing that started at least
 * CLOCK_MARGIN_MS after `notBefore` (epoch ms): one in progress or finished within the minute,
 * one planned that can wait until then, or a new one. When the shared listing fails, this run
 * reads a listing of its own.
 */
export async function sharedCartListing(
	this: IExecuteFunctions,
	itemIndex: number,
	headers: Record<string, string>,
	notBefore: number,
): Promise<{ records: Listed[]; cut?: Cut }> {
	const key = await keyOf(this, headers);
	if (key === undefined) return await readAll(this, itemIndex, headers);
	const now = Date.now();
	const needed = notBefore + CLOCK_MARGIN_MS;
	const known = forgetOld(key, now);
	let listing = known.find((candidate) => serves(candidate, needed));
	if (listing && !listing.started) listing.startAt = Math.max(listing.startAt, needed);
	if (!listing) {
		const planned: Listing = { startAt: Math.max(now, needed), plannedAt: now, started: false, result: Promise.resolve({ records: [] }) };
		planned.result = run(this, itemIndex, headers, planned);
		// A failure reaches the runs that wait for it, each of which then lists on its own.
		planned.result.catch(() => undefined);
		known.push(planned);
		listing = planned;
	}
	try {
		return await listing.result;
	} catch {
		return await readAll(this, itemIndex, headers);
	}
}

/*
 * A constant, not a literal: n8n's lint rule "node-param-description-miscased-json" would make
 * the expression `$JSON`, which evaluates to nothing.
 */
const SHARE_LISTING_DESCRIPTION =
	'Let the carts come from a listing of the store this n8n process started after this time, shared with the runs that ask the same: a burst of events then lists the store about once. Map the trigger\'s {{ $json.receivedAt }}: a listing started after an event arrived holds every cart the event concerns. Empty: the node lists on its own.';

/** Get Many's option (version 2): the time after which a shared listing must have started. */
export const SHARE_LISTING_OPTION: INodeProperties = {
	displayName: 'Share a Listing Started After',
	name: 'listingStartedAfter',
	type: 'dateTime',
	default: '',
	description: SHARE_LISTING_DESCRIPTION,
};

/** The option's time as epoch ms; `undefined` when unset. Errors name the item and the field. */
export function listingStartedAfter(context: IExecuteFunctions, itemIndex: number, options: IDataObject): number | undefined {
	const reading = readDate(options.listingStartedAfter, context.getTimezone());
	if (reading.problem) {
		throw new NodeOperationError(context.getNode(), `Share a Listing Started After ${reading.problem} (item ${itemIndex}, field "options.listingStartedAfter")`, { itemIndex });
	}
	return reading.instant;
}
