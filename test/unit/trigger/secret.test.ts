import type { INode } from 'n8n-workflow';

import { integrationSecret, secretMatches } from '../../../nodes/ElasticPathTrigger/secret';

describe('secretMatches', () => {
	it.each([
		['the same secret', ['abc123'], 'abc123', true],
		['a different secret', ['abc123'], 'abc124', false],
		['a prefix of it', ['abc123'], 'abc12', false],
		['nothing', ['abc123'], undefined, false],
		['an empty header', ['abc123'], '', false],
		['no secret expected', [undefined], 'abc123', false],
		['the second of two accepted secrets', ['abc123', 'def456'], 'def456', true],
		['a repeated header, first value right', ['abc123'], ['abc123', 'x'], true],
	])('%s', (_what, expected, given, result) => {
		expect(secretMatches(expected, given)).toBe(result);
	});
});

describe('integrationSecret', () => {
	const node = { id: 'node-1', webhookId: 'hook-1' } as INode;
	const workflow = { id: 'wf-1', active: true };
	const credentials = { clientId: 'client', clientSecret: 'client-secret' };

	it('is the same wherever it is computed from the same credential, workflow and webhook: every n8n process agrees', () => {
		expect(integrationSecret({ ...credentials }, { ...workflow }, { ...node })).toBe(integrationSecret(credentials, workflow, node));
		expect(integrationSecret(credentials, workflow, node)).toMatch(/^[0-9a-f]{64}$/);
	});

	it.each([
		['another workflow', credentials, { ...workflow, id: 'wf-2' }, node],
		['another trigger node', credentials, workflow, { ...node, webhookId: 'hook-2' }],
		['another client secret', { ...credentials, clientSecret: 'rotated' }, workflow, node],
		['another client ID', { ...credentials, clientId: 'other' }, workflow, node],
	])('differs for %s', (_what, otherCredentials, otherWorkflow, otherNode) => {
		expect(integrationSecret(otherCredentials, otherWorkflow, otherNode as INode)).not.toBe(integrationSecret(credentials, workflow, node));
	});

	it('does not contain the client secret, and is undefined without one', () => {
		expect(integrationSecret(credentials, workflow, node)).not.toContain('client-secret');
		expect(integrationSecret({ clientId: 'client' }, workflow, node)).toBeUndefined();
	});
});
