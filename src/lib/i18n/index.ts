// The locale the components write in. The page provides a getter over its derived Locale once, before its children
// start; components call t() / loc() in their markup and $derived values, so reading the page's reactive locale
// through the getter re-renders them when the language or the digits change. Without a provider (prerendering,
// Node tests) it is English.
import { ENGLISH, type Locale, type Values } from './locale';
import type { MessageKey, PluralKey } from './en';

export type { Locale, Values } from './locale';
export type { MessageKey, PluralKey } from './en';
export { makeLocale, detectLang, intlTag, ENGLISH, MESSAGES } from './locale';

let source: () => Locale = () => ENGLISH;

export function provideLocale(get: () => Locale): void {
	source = get;
}

/** The current locale. */
export const loc = (): Locale => source();

export const t = (key: MessageKey, values?: Values): string => source().t(key, values);

export const tn = (key: PluralKey, count: number, values?: Values): string => source().tn(key, count, values);
