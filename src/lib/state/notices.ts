// Notices shown in the page's notices area.
export interface Notice {
	id: string;
	text: string;
	kind: 'info' | 'warning' | 'error';
}

let counter = 0;

/**
 * Control and bidi-control characters (C0, DEL, C1, line/paragraph separators, BOM, the embeddings, overrides and
 * isolates U+202A-U+202E and U+2066-U+2069, LRM/RLM/ALM). A notice quotes text from the URL or an error, and such
 * a character there could reorder or hide the rest of the message (U+202E turns "gpj.exe" into "exe.jpg").
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** The text with every such character written as a visible `\uXXXX` escape. */
export function visibleControls(text: string): string {
	return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export function notice(text: string, kind: Notice['kind'] = 'info', id?: string): Notice {
	return { id: id ?? `n${++counter}`, text: visibleControls(text), kind };
}
