import { eventItem } from '../../../nodes/ElasticPathTrigger/delivery';
import { selectedEvents } from '../../../nodes/ElasticPathTrigger/events';

describe('eventItem', () => {
	it('takes the documented fields and nothing else (not the configuration, which repeats the secret)', () => {
		const body = {
			id: 'evt-1',
			triggered_by: 'order.paid',
			attempt: 3,
			integration: { id: 'int-1', integration_type: 'webhook', name: 'n8n', description: '' },
			resources: '{"data":{}}',
			payload: { data: { type: 'order', id: 'o-1', status: 'complete' }, included: {} },
			configuration: { url: 'https://x', secret_key: 'the-secret' },
		};
		expect(eventItem(body)).toEqual({
			event: 'order.paid',
			eventId: 'evt-1',
			attempt: 3,
			resourceType: 'order',
			resourceId: 'o-1',
			data: { type: 'order', id: 'o-1', status: 'complete' },
		});
	});

	it('reads a deleted resource, whose payload is only its type and ID', () => {
		expect(eventItem({ id: 'e', triggered_by: 'customer.deleted', attempt: 1, payload: { type: 'customer', id: 'c-1' } })).toMatchObject({
			resourceType: 'customer',
			resourceId: 'c-1',
			data: { type: 'customer', id: 'c-1' },
		});
	});

	it.each([[null], ['text'], [[]], [{ id: 'e' }], [{ triggered_by: 'order.paid' }]])('is undefined for %j', (body) => {
		expect(eventItem(body)).toBeUndefined();
	});
});

describe('selectedEvents', () => {
	it('sorts and de-duplicates', () => {
		expect(selectedEvents(['order.paid', 'customer.deleted', 'order.paid'])).toEqual({ events: ['customer.deleted', 'order.paid'] });
	});

	it.each([[[]], [undefined], ['customer.deleted']])('asks for at least one event when given %j', (raw) => {
		expect(selectedEvents(raw)).toEqual({ problem: 'Select at least one event in "Events"' });
	});

	it('names an event it does not offer', () => {
		expect(selectedEvents(['customer.deleted', 'product.created'])).toEqual({ problem: 'Unknown event(s) in "Events": product.created' });
	});
});
