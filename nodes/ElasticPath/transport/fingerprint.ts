import { createHash } from 'node:crypto';

/**
 * A key that tells stores (or credentials) apart without holding what it was made from:
 * the parts may be secrets, and keys end up in maps that outlive an execution.
 */
export function fingerprint(...parts: string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(`${part.length}:${part}`);
	return hash.digest('base64url');
}
