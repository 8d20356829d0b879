import type { IDataObject } from 'n8n-workflow';

/** What the trigger keeps in the workflow's static data (node scope), which n8n saves with the workflow. */
export interface TriggerState {
	/** The integration this node created, and the secret it delivers with. */
	integrationId?: string;
	secret?: string;
	/** Event IDs delivered recently and when: `[eventId, receivedAtMs]`, oldest first. */
	recentEvents?: Array<[string, number]>;
}

export function triggerState(context: { getWorkflowStaticData(type: string): IDataObject }): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

/** Forgets the integration (it is gone), but not the events already delivered. */
export function forgetIntegration(state: TriggerState): void {
	delete state.integrationId;
	delete state.secret;
}
