import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { associationParameters, emulatorCredentials } from '../testkit/engine/parameters';
import { runWorkflow } from '../testkit/engine/runWorkflow';
import { RemoteEmulator } from './emulatorClient';
import { pairs } from './pairs';

/** Failed items (error items) and lost ones (inputs without exactly one output paired with them). */
export function countOutputs(items: number, output: INodeExecutionData[]) {
	const perInput = new Array<number>(items).fill(0);
	let failed = 0;
	for (const item of output) {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired && paired.item >= 0 && paired.item < items) perInput[paired.item]++;
		if (item.json.error !== undefined) failed++;
	}
	return { failed, lost: perInput.filter((count) => count !== 1).length };
}

/** One small run first, so that figures are of a warmed-up process (modules loaded, code compiled), as in a running n8n. */
export async function warmUp(nodeType?: string) {
	const emulator = new RemoteEmulator();
	const baseUrl = await emulator.start({}, 200);
	await runWorkflow({
		nodeType,
		parameters: associationParameters('delete'),
		items: pairs(200),
		credentials: emulatorCredentials(baseUrl),
		continueOnFail: true,
	});
	await emulator.stop();
}

export interface TimedExecution {
	/** Epoch ms at which each Elastic Path node started and ended. */
	nodes: Record<string, { startedAt: number; endedAt: number }>;
	failed: number;
	lost: number;
}

/** One execution of removals (or `parameters`), Continue On Fail, timed per node in epoch ms like the emulator's traffic. */
export async function timedExecution(options: {
	credentials: ICredentialDataDecryptedObject;
	items: IDataObject[];
	parameters?: INodeParameters;
	thenParameters?: INodeParameters;
}): Promise<TimedExecution> {
	const nodes: TimedExecution['nodes'] = {};
	const { output, error, run } = await runWorkflow({
		parameters: options.parameters ?? associationParameters('delete'),
		thenParameters: options.thenParameters,
		items: options.items,
		credentials: options.credentials,
		continueOnFail: true,
		onNode: (event, node) => {
			if (!node.startsWith('Elastic Path')) return;
			if (event === 'start') nodes[node] = { startedAt: Date.now(), endedAt: 0 };
			else nodes[node].endedAt = Date.now();
		},
	});
	if (error) throw new Error(`The execution failed: ${error.message}`);
	const last = options.thenParameters ? (run.data.resultData.runData['Elastic Path 2']?.[0]?.data?.main?.[0] ?? []) : output;
	const inputs = options.thenParameters ? output.length : options.items.length;
	return { nodes, ...countOutputs(inputs, last) };
}
