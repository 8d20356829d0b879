import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import type { CREDENTIAL_TYPE } from '../nodes/ElasticPath/transport';
import { authenticateRequest, fetchAccessToken } from '../nodes/ElasticPath/transport';

export class ElasticPathApi implements ICredentialType {
	// Written out, and held to the transport's constant by its type: n8n's lint and package scanner
	// read the credential's name (and the node's reference to it) from the source, as a string.
	name: typeof CREDENTIAL_TYPE = 'elasticPathApi';

	displayName = 'Elastic Path Commerce Cloud API';

	icon: Icon = {
		light: 'file:../icons/elasticpath.svg',
		dark: 'file:../icons/elasticpath.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-elasticpath/n8n-nodes-elasticpath#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US East', value: 'useast', description: 'https://useast.api.elasticpath.com' },
				{ name: 'EU West', value: 'euwest', description: 'https://euwest.api.elasticpath.com' },
				{ name: 'Custom Host', value: 'custom', description: 'An enterprise or local host' },
			],
			default: 'useast',
			description: 'Where your store lives: Commerce Manager shows the API base URL under System > Application Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://epcc-api.example.com',
			description:
				'The API host. Must be https:// (http:// is accepted only for localhost and 127.0.0.1, for local testing).',
			displayOptions: { show: { region: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description: 'Client ID and secret: full access, for back-office automations. Tokens are renewed automatically.',
				},
				{
					name: 'Implicit (Shopper)',
					value: 'implicit',
					description: 'Client ID only: shopper access, used together with a customer token',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'A bearer token you paste. It expires (after one hour for EPCC tokens) and is not renewed.',
				},
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['clientCredentials', 'implicit'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['clientCredentials'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['accessToken'] } },
		},
		{
			displayName: 'Customer Token',
			name: 'customerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Sent as X-Moltin-Customer-Token to act as one customer (needed with implicit tokens). A node option can override it per item.',
		},
		{
			displayName: 'Account Token',
			name: 'accountToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. An Account Management authentication token, sent as EP-Account-Management-Authentication-Token to act as one account (its carts only). A node option can override it per item.',
		},
		{
			displayName: 'Store Rate Limit',
			name: 'rateLimit',
			type: 'options',
			options: [
				{ name: 'Learn It', value: 'learn', description: 'Start at 20 requests per second, climb to just under 100/s (a production store) unless refused first, and find the limit from the answers' },
				{ name: 'Development Store (25/s)', value: 'development', description: 'Start where Elastic Path documents a development store' },
				{ name: 'Production Store (100/s)', value: 'production', description: 'Start where Elastic Path documents a production store' },
			],
			default: 'learn',
			description:
				'Where requests to the store start. Whatever is chosen, the nodes slow down as soon as the store refuses (when other clients share it, or its plan differs).',
		},
		{
			// Filled by preAuthentication and cleared by n8n when the API answers 401.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		// A pasted token is used as is: nothing to fetch, nothing to store.
		if (credentials.authType === 'accessToken') return {};
		return { sessionToken: await fetchAccessToken(this, credentials) };
	}

	authenticate: IAuthenticate = authenticateRequest;

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/v2/carts',
			qs: { 'page[limit]': 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Elastic Path did not accept the access token: check the credential values and the region/Base URL',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The credentials are valid but may not list carts: use Client Credentials, or add a customer token to an implicit credential',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'The credentials are valid but may not list carts: use Client Credentials, or add a customer token to an implicit credential',
				},
			},
		],
	};
}
