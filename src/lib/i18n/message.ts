// Filling a message: {name} placeholders, and for counted messages the plural form Intl.PluralRules picks for the
// count (Arabic has six: zero, one, two, few, many, other; English one and other).

/** Plural forms of one message; `other` is required, the rest as the language needs them. */
export interface PluralForms {
	readonly zero?: string;
	readonly one?: string;
	readonly two?: string;
	readonly few?: string;
	readonly many?: string;
	readonly other: string;
}

const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` for `count` in language `lang`, falling back to `other`. */
export function pluralForm(forms: PluralForms, count: number, lang: string): string {
	let r = rules.get(lang);
	if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
	return forms[r.select(count)] ?? forms.other;
}

/** Replaces {name} with values[name]; an unknown placeholder stays as written (visible in review, never blank). */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function renderMessage(
	message: string | PluralForms,
	values: Readonly<Record<string, string | number>>,
	lang: string,
	count: number
): string {
	return fill(typeof message === 'string' ? message : pluralForm(message, count, lang), values);
}

/** The {placeholders} a text or every form of a plural message uses (for the translation tests). */
export function placeholders(message: string | PluralForms): Set<string> {
	const texts = typeof message === 'string' ? [message] : Object.values(message);
	return new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
}
