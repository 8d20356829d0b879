import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/**
 * n8n's credentials store as the n8n CLI runs it (packages/cli/src/credentials-helper.ts):
 * each read returns a fresh decrypted copy, `preAuthentication` runs when the expirable
 * field is empty or the API answered 401, and its result is written back to the store.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly stored = new Map<string, ICredentialDataDecryptedObject>();

	/** Each write-back of refreshed credential data, as n8n would save it to its database. */
	readonly updates: ICredentialDataDecryptedObject[] = [];

	constructor(private readonly types: Record<string, ICredentialType>) {
		super();
	}

	set(id: string, data: ICredentialDataDecryptedObject): void {
		this.stored.set(id, { ...data });
	}

	get(id: string): ICredentialDataDecryptedObject | undefined {
		return this.stored.get(id);
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate !== 'function') throw new Error('Only function authenticate is used by this package');
		return await authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// The CLI also refreshes when the "Test" button runs the credential on its temporary No-Op node.
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredential = node.credentials?.[typeName];
		if (!nodeCredential?.id) return undefined;
		const updated = Object.assign(credentials, output);
		await this.updateCredentials(nodeCredential, typeName, updated);
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return Object.assign(credentials, await type.preAuthentication.call(helpers, credentials));
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.stored.get(nodeCredentials.id ?? '');
		if (!data) throw new Error(`No credential stored with id ${nodeCredentials.id}`);
		return JSON.parse(JSON.stringify(data)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the engine tests');
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const copy = JSON.parse(JSON.stringify(data)) as ICredentialDataDecryptedObject;
		this.stored.set(nodeCredentials.id ?? '', copy);
		this.updates.push(copy);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
