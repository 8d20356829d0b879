import type { IExecuteFunctions } from 'n8n-workflow';

/** Whether the node runs as an AI agent's tool: n8n gives the tool variant the node's type with "Tool" appended. */
export function runsAsTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}
