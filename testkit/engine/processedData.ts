/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test harness code runs in plain Node.js; the n8n Cloud rules are for the node */
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
	IDeduplicationOutputItems,
} from 'n8n-workflow';
import { createHash } from 'node:crypto';

/**
 * n8n's processed-data store as the CLI implements it (DeduplicationHelper over the
 * processed_data table), "entries" mode: one list of hashes per workflow and node, read,
 * changed and written back. The read and the write are a turn of the event loop apart, as two
 * database round trips are, so two calls at once lose one's record exactly as n8n's do.
 */
export class ProcessedDataStore implements IDataDeduplicator {
	private readonly rows = new Map<string, string[]>();

	calls = 0;

	private static key(scope: DeduplicationScope, context: ICheckProcessedContextData): string {
		return `${context.workflow.id}\n${scope === 'node' ? `n:${context.node?.id}` : ''}`;
	}

	private static hash(value: DeduplicationItemTypes): string {
		return createHash('md5').update(String(value)).digest('base64');
	}

	clear(): void {
		this.rows.clear();
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		this.calls++;
		const key = ProcessedDataStore.key(scope, context);
		const read = [...(this.rows.get(key) ?? [])];
		await new Promise<void>((resolve) => setImmediate(resolve));
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const hash = ProcessedDataStore.hash(item);
			if (read.includes(hash)) output.processed.push(item);
			else {
				output.new.push(item);
				read.push(hash);
			}
		}
		if (options.maxEntries) read.splice(0, Math.max(0, read.length - options.maxEntries));
		this.rows.set(key, read);
		return output;
	}

	async checkProcessedItemsAndRecord(): Promise<IDeduplicationOutputItems> {
		throw new Error('not used by the trigger');
	}

	async removeProcessed(): Promise<void> {
		throw new Error('not used by the trigger');
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.rows.delete(ProcessedDataStore.key(scope, context));
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return this.rows.get(ProcessedDataStore.key(scope, context))?.length ?? 0;
	}
}
