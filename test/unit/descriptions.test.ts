import type { INodeType, INodeTypes, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ElasticPathApi } from '../../credentials/ElasticPathApi.credentials';
import { ElasticPath } from '../../nodes/ElasticPath/ElasticPath.node';
import { ElasticPathTrigger } from '../../nodes/ElasticPathTrigger/ElasticPathTrigger.node';

/**
 * Every expression the node shows a user as an example (in a description, a hint or a
 * placeholder), as they would paste it: evaluated by n8n's own expression engine against an
 * input item, it must give a value. Expressions are case-sensitive: `{{ $JSON.cartId }}`
 * evaluates to nothing, which is what n8n's lint rule "miscased-json" once made of a hint.
 */
const SHOWN_FIELDS = new Set(['description', 'hint', 'placeholder', 'displayName']);

/** Every text shown to a user anywhere in a description, with where it is. */
function shownTexts(value: unknown, where: string, found: Array<[string, string]> = []): Array<[string, string]> {
	if (Array.isArray(value)) value.forEach((entry, index) => shownTexts(entry, `${where}[${index}]`, found));
	else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			if (typeof entry === 'string' && SHOWN_FIELDS.has(key)) found.push([`${where}.${key}`, entry]);
			else shownTexts(entry, `${where}.${key}`, found);
		}
	}
	return found;
}

/** Every `{{ … }}` in the texts shown, with where it is. */
function shownExpressions(description: unknown, name: string): Array<[string, string]> {
	return shownTexts(description, name).flatMap(([where, text]) =>
		[...text.matchAll(/\{\{[^}]*(?:\}(?!\})[^}]*)*\}\}/g)].map(([expression]): [string, string] => [where, expression]),
	);
}

const descriptions: Array<[string, unknown]> = [
	...Object.entries(new ElasticPath().nodeVersions).map(([version, node]): [string, unknown] => [`Elastic Path v${version}`, (node as INodeType).description]),
	['Elastic Path Trigger', new ElasticPathTrigger().description],
	['credential', new ElasticPathApi().properties],
];

/** n8n's expression engine with one node and one input item, as a mapped parameter sees them. */
function evaluator() {
	const description = { displayName: 'Probe', name: 'probe', group: [], version: 1, description: '', defaults: {}, inputs: [], outputs: [], properties: [] } as unknown as INodeTypeDescription;
	const probe: INodeType = { description };
	const nodeTypes = { getByName: () => probe, getByNameAndVersion: () => probe, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({
		nodes: [{ id: 'probe', name: 'Probe', type: 'probe', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes,
	});
	const item = { json: { cartId: 'cart-1', customerId: 'customer-1', accountId: 'account-1', email: 'ada@example.com', receivedAt: '2026-12-06T05:00:00.000Z' } };
	return (expression: string): unknown => workflow.expression.getParameterValue(`=${expression}`, null, 0, 0, 'Probe', [item], 'manual', {});
}

describe('expressions shown in descriptions and hints', () => {
	const all = descriptions.flatMap(([name, description]) => shownExpressions(description, name));
	const evaluate = evaluator();

	it('finds the examples the node shows (the Cart ID hints among them)', () => {
		expect(all.filter(([, expression]) => expression.includes('cartId')).length).toBeGreaterThanOrEqual(2);
	});

	it.each(all)('%s shows %s, which n8n evaluates to a value', (_where, expression) => {
		const value = evaluate(expression);
		expect(value === undefined || value === null || value === '' ? `${expression} gave ${String(value)}` : 'a value').toBe('a value');
	});

	it('catches a miscased variable: {{ $JSON.cartId }} gives nothing', () => {
		expect(evaluate('{{ $JSON.cartId }}')).toBeUndefined();
		expect(evaluate('{{ $json.cartId }}')).toBe('cart-1');
	});
});
