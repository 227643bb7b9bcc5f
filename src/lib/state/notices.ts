// Notices shown in the page's notices area.
export interface Notice {
	id: string;
	text: string;
	kind: 'info' | 'warning' | 'error';
}

let counter = 0;

export function notice(text: string, kind: Notice['kind'] = 'info', id?: string): Notice {
	return { id: id ?? `n${++counter}`, text, kind };
}
