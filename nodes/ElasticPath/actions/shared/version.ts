import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Version 2 of the node (resource locators, Simplify, outputs that say what was removed or
 * deleted). Version 1 keeps its parameters and outputs, so saved workflows run unchanged.
 */
export function isVersion2(context: IExecuteFunctions): boolean {
	return context.getNode().typeVersion >= 2;
}

/** The Simplify switch of version 2; version 1 has none and always gives the full cart. */
export function wantsSimplified(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('simple', itemIndex, false) === true;
}

/** Version 2's Simplify switch of a read operation, on by default. */
export function simplifyField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions,
	};
}
