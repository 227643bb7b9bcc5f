// The perpetrator picker's matches from perpetratorOptionsQuery's answer (key, n).
import type { QueryResult } from '../query/engine';

export interface PerpetratorMatch {
	key: string;
	n: number;
}

export function perpetratorMatches(result: QueryResult | null): PerpetratorMatch[] | null {
	if (!result) return null;
	const keys = result.columns.key ?? [];
	const ns = result.columns.n ?? [];
	return keys.map((k, i) => ({ key: String(k), n: Number(ns[i] ?? 0) }));
}
