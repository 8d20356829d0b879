import type { IDataObject } from 'n8n-workflow';

/** The JSON:API body of the association endpoints: exactly one related object per request. */
export function relationshipBody(type: 'customer' | 'account', id: string): IDataObject {
	return { data: [{ type, id }] };
}
