import type { INode, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { isSecretField, REDACTED } from '../transport';

function redact(value: NodeParameterValueType, secret: boolean): NodeParameterValueType {
	if (typeof value === 'string') return secret && value !== '' && !value.startsWith('=') ? REDACTED : value;
	if (Array.isArray(value)) return value.map((entry) => redact(entry as NodeParameterValueType, secret)) as NodeParameterValueType;
	if (value && typeof value === 'object') return redactParameters(value as INodeParameters) as NodeParameterValueType;
	return value;
}

function redactParameters(parameters: INodeParameters): INodeParameters {
	const copy: INodeParameters = {};
	for (const [name, value] of Object.entries(parameters)) copy[name] = redact(value, isSecretField(name));
	return copy;
}

/**
 * The node as an error may show it: n8n keeps the node, with its parameters, in every error
 * it stores, and a token typed into a token option (not mapped by an expression) would be
 * there in clear.
 */
export function withoutSecrets(node: INode): INode {
	return { ...node, parameters: redactParameters(node.parameters) };
}
