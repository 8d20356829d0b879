import type { IDataObject } from 'n8n-workflow';

/** What the trigger keeps in the workflow's static data (node scope): written on activation only, never by a delivery. */
export interface TriggerState {
	/** The integration that delivers to this trigger. */
	integrationId?: string;
	/** Earlier versions kept a random secret and the recent event IDs here: still accepted until the next activation. */
	secret?: string;
	recentEvents?: unknown;
}

export function triggerState(context: { getWorkflowStaticData(type: string): IDataObject }): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

/** Records the integration now delivering here, and drops what earlier versions kept. */
export function rememberIntegration(state: TriggerState, integrationId: string): void {
	if (state.integrationId !== integrationId) state.integrationId = integrationId;
	if (state.secret !== undefined) delete state.secret;
	if (state.recentEvents !== undefined) delete state.recentEvents;
}

/** Forgets the integration (it is gone). */
export function forgetIntegration(state: TriggerState): void {
	if (state.integrationId !== undefined) delete state.integrationId;
}
