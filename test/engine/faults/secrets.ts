/** Every string reachable from a value: own properties (enumerable or not, so `cause`, `stack` and request options too), arrays, maps. */
export function reachableStrings(value: unknown, seen = new Set<unknown>(), out: string[] = []): string[] {
	if (typeof value === 'string') {
		out.push(value);
		return out;
	}
	if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return out;
	seen.add(value);
	if (value instanceof Map) {
		for (const [k, v] of value) {
			reachableStrings(k, seen, out);
			reachableStrings(v, seen, out);
		}
		return out;
	}
	if (Buffer.isBuffer(value)) {
		out.push(value.toString('utf8'));
		return out;
	}
	for (const key of Object.getOwnPropertyNames(value)) {
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		if (typeof child === 'function') continue;
		reachableStrings(child, seen, out);
	}
	return out;
}

/** The secrets found anywhere in `value`. */
export function leakedSecrets(value: unknown, secrets: string[]): string[] {
	const strings = reachableStrings(value);
	return secrets.filter((secret) => strings.some((s) => s.includes(secret)));
}
