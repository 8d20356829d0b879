import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TriggerOptions } from '../../../testkit/engine/runTrigger';
import { TRIGGER_NAME, TriggerHarness } from '../../../testkit/engine/runTrigger';
import type { EpccEmulator } from '../../../testkit/emulator/EpccEmulator';
import { clientCredentials } from '../fixtures';

export function triggerParameters(events: string[] = ['customer.deleted'], options: IDataObject = {}): INodeParameters {
	return { events, options: options as INodeParameters };
}

/** A started harness for the trigger with a Client Credentials credential for `emulator`; stop it after the test. */
export async function startTrigger(emulator: EpccEmulator, options: Partial<TriggerOptions> = {}): Promise<TriggerHarness> {
	return await new TriggerHarness({ parameters: triggerParameters(), credentials: clientCredentials(emulator), ...options }).start();
}

/** What the trigger keeps in the workflow's static data. */
export function savedState(harness: TriggerHarness): { integrationId?: string } {
	return (harness.savedStaticData[`node:${TRIGGER_NAME}`] ?? {}) as never;
}
