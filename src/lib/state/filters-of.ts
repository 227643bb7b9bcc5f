import type { Filters, ViewState } from '../query/filters';

/** The filter part of a view state (what selects incidents), without presentation settings. */
export function filtersOf(v: ViewState): Filters {
	return {
		from: v.from,
		to: v.to,
		provinces: v.provinces,
		targets: v.targets,
		attacks: v.attacks,
		perpetrators: v.perpetrators,
		sources: v.sources,
		minCasualties: v.minCasualties,
		q: v.q
	};
}
