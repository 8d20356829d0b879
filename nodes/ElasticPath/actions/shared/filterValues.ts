/*
 * Values inside Elastic Path's `filter=` are not quoted: `,` `(` `)` end the value, `*` is a
 * wildcard and `:` joins conditions. An exact match (`eq`) of a value holding one would match
 * other records or none, so it is refused; a search (`like`) leaves them out.
 */

const UNFILTERABLE = /[,()*:]/;

/** The characters, as a message names them. */
export const UNFILTERABLE_CHARACTERS = ', ( ) * :';

/** Whether `value` can be matched exactly with `eq(field,value)`. */
export function isExactlyFilterable(value: string): boolean {
	return !UNFILTERABLE.test(value);
}

/** A search text as a `like(field,*text*)` value, without the characters that would end or change the condition; `undefined` when nothing is left. */
export function likeValue(text: string | undefined): string | undefined {
	const cleaned = (text ?? '').replace(/[,()*:]/g, '').trim();
	return cleaned ? `*${cleaned}*` : undefined;
}
