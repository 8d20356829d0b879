import { summarizeErrorBody, titleAndDetail } from '../../../nodes/ElasticPath/transport/errors';

describe('summarizeErrorBody', () => {
	it('reads a JSON:API error with a numeric status', () => {
		expect(summarizeErrorBody({ errors: [{ status: 400, title: 'Bad', detail: 'Why' }] })).toEqual({ title: 'Bad', detail: 'Why', requestId: undefined });
	});

	it('reads a JSON:API error with a string status and a request id', () => {
		expect(summarizeErrorBody({ errors: [{ status: '500', title: 'Boom', meta: { request_id: 'r-1' } }] })).toEqual({
			title: 'Boom',
			detail: undefined,
			requestId: 'r-1',
		});
	});

	it('reads a JSON body sent as text or as a buffer', () => {
		const text = '{"errors":[{"status":403,"title":"Invalid json payload"}]}';
		expect(summarizeErrorBody(text).title).toBe('Invalid json payload');
		expect(summarizeErrorBody(Buffer.from(text)).title).toBe('Invalid json payload');
	});

	it('joins the titles of several errors', () => {
		expect(summarizeErrorBody({ errors: [{ title: 'A', detail: 'a' }, { title: 'B' }] }).detail).toBe('a; B');
	});

	it('takes the title of an HTML page', () => {
		expect(summarizeErrorBody('<!DOCTYPE html><html><head><title> 504 Gateway Time-out </title></head></html>')).toEqual({
			title: '504 Gateway Time-out',
		});
	});

	it('takes plain text, shortened', () => {
		expect(summarizeErrorBody('upstream connect error').title).toBe('upstream connect error');
		expect(summarizeErrorBody('x'.repeat(1000)).title).toHaveLength(301);
	});

	it.each([[''], ['   '], [undefined], [null], [42]])('has nothing to say about %j', (body) => {
		expect(summarizeErrorBody(body)).toEqual(typeof body === 'string' ? { title: undefined } : {});
	});

	it('reads OAuth-style errors', () => {
		expect(summarizeErrorBody({ error: 'invalid_client', error_description: 'Unknown client' })).toEqual({
			title: 'invalid_client',
			detail: 'Unknown client',
			requestId: undefined,
		});
	});
});

describe('titleAndDetail', () => {
	it.each([
		[{ title: 'Not Found', detail: 'Cart not found' }, 'Not Found: Cart not found'],
		[{ title: 'Not Found' }, 'Not Found'],
		[{ detail: 'Cart not found' }, 'Cart not found'],
		[{}, ''],
	])('says %j as %j', (summary, phrase) => {
		expect(titleAndDetail(summary)).toBe(phrase);
	});
});
