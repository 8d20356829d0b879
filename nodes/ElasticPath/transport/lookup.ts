import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './authentication';
import { failureToNodeError } from './errors';
import { classifyFailure } from './failure';

/**
 * One GET for the editor's pickers (a resource locator's list search), where there are no
 * items to pace: n8n renews an expired token and sends it again; any failure becomes the
 * node's usual error, with no request detail (it holds the token).
 */
export async function epccLookup(this: ILoadOptionsFunctions, path: string, qs: IDataObject): Promise<unknown> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'GET',
			url: path,
			qs,
			headers: { Accept: 'application/json' },
			json: true,
			disableFollowRedirect: true,
		})) as unknown;
	} catch (error) {
		throw failureToNodeError(this.getNode(), classifyFailure(error), 0);
	}
}
