// UCDP GED has no target type. This crosswalk derives one from the type of violence and side_b (the side the
// event is against); data/README.md says what it can and cannot tell.
import type { TargetType } from '../data/taxonomy';

/** type_of_violence codes (UCDP GED codebook). */
export const UCDP_VIOLENCE_TYPES = {
	1: 'State-based conflict',
	2: 'Non-state conflict',
	3: 'One-sided violence'
} as const;
export type UcdpViolenceCode = keyof typeof UCDP_VIOLENCE_TYPES;

/**
 * GTD target type for a UCDP event, first rule that applies:
 * 1. one-sided violence (3): side_b is always "Civilians" -> Private Citizens & Property;
 * 2. side_b is a government ("Government of ...", e.g. Israel struck in Syria) -> Military (UCDP counts a
 *    government's armed forces as the government);
 * 3. otherwise side_b is an organised armed group (rebels in state-based conflict, either group in non-state
 *    conflict) -> Terrorists/Non-State Militia.
 */
export function ucdpTargetType(violence: UcdpViolenceCode, sideB: string | null): TargetType {
	if (violence === 3) return 'Private Citizens & Property';
	if (/^government of\b/i.test(sideB?.trim() ?? '')) return 'Military';
	return 'Terrorists/Non-State Militia';
}
