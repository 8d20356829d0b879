import type { EpccEmulator, ReceivedRequest } from '../../../testkit/emulator/EpccEmulator';
import { isTokenRequest } from '../../../testkit/emulator/EpccEmulator';
import type { Answer } from '../../../testkit/emulator/jsonapi';
import type { FaultCase, Outcome } from './cases';

/** Answers `request` (and only it) with what `answer` makes of it: a server echoing what it received. */
const echo = (emulator: EpccEmulator, matches: (request: ReceivedRequest) => boolean, answer: (request: ReceivedRequest) => Answer) => {
	emulator.beforeHandle = (request) => {
		if (matches(request)) emulator.failNext({ kind: 'answer', answer: answer(request) }, 1, (next) => next === request);
	};
};

const header = (request: ReceivedRequest, name: string) => String(request.headers[name] ?? '-');

const tokenError = (message: string): Outcome => ({ kind: 'token-error', message });

/**
 * Servers that misbehave on purpose: they echo the secrets they received, redirect elsewhere,
 * ask for waits no run should make, or never answer the token request. The planted secrets
 * must not come back out of the node; the outcomes are as for any failing request.
 */
export const hostileCases: FaultCase[] = [
	{
		name: 'an API 403 echoing the request headers',
		arrange: (emulator, isMiddle) =>
			echo(emulator, isMiddle, (request) => ({
				status: 403,
				body: {
					errors: [
						{
							status: 403,
							title: 'Forbidden',
							detail: `you sent ${header(request, 'authorization')} ${header(request, 'x-moltin-customer-token')} ${header(request, 'ep-account-management-authentication-token')}`,
						},
					],
				},
			})),
		expected: { kind: 'error', message: expect.stringMatching(/^Elastic Path answered 403: Forbidden: you sent Bearer \*\*hidden\*\* (\*\*hidden\*\*|-) (\*\*hidden\*\*|-)$/) as string, httpCode: '403' },
	},
	{
		name: 'a token endpoint answering 400 with the form it received',
		arrange: (emulator) =>
			echo(emulator, isTokenRequest, (request) => ({ status: 400, body: { errors: [{ status: 400, title: 'bad request', detail: request.body }] } })),
		expected: tokenError(
			'Elastic Path refused to issue an access token (HTTP 400: bad request: grant_type=client_credentials&client_id=test-client-id&client_secret=**hidden**): check the Client ID, Client Secret and region/Base URL',
		),
	},
	{
		name: 'a token endpoint that never answers',
		arrange: (emulator) => emulator.failNext({ kind: 'hang' }, 1000, isTokenRequest),
		expected: tokenError('No access token from Elastic Path: it did not answer in time'),
	},
	{
		name: 'a 302 to another origin',
		arrange: (emulator, isMiddle) =>
			emulator.failNext({ kind: 'answer', answer: { status: 302, headers: { Location: 'http://127.0.0.1:9/stolen' }, text: '' } }, 1000, isMiddle),
		expected: { kind: 'error', message: 'Elastic Path answered 302 with no error details', httpCode: '302' },
	},
	{
		name: 'a 429 asking to wait an hour',
		arrange: (emulator, isMiddle) =>
			emulator.failNext(
				{ kind: 'answer', answer: { status: 429, headers: { 'Retry-After': '3600' }, body: { errors: [{ status: 429, title: 'Too Many Requests' }] } } },
				1000,
				isMiddle,
			),
		expected: {
			kind: 'error',
			message: 'Elastic Path answered 429: Too Many Requests, and asked to wait 3600 s before trying again: more than the 60 s the node waits at most',
			httpCode: '429',
		},
	},
];
