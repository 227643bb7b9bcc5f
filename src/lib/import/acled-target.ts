// ACLED has no target type and no attack type in GTD's sense. These crosswalks derive both from what ACLED does
// code, in a fixed, documented order (data/README.md says what they can and cannot tell). Every rule is tested.
import type { AttackType, TargetType } from '../data/taxonomy';
import { asciiDigits } from '../text/digits';

/** ACLED actor-type codes (inter1/inter2). 0 = no second actor. */
export const ACLED_ACTOR_TYPES = {
	1: 'State forces',
	2: 'Rebel group',
	3: 'Political militia',
	4: 'Identity militia',
	5: 'Rioters',
	6: 'Protesters',
	7: 'Civilians',
	8: 'External/Other forces'
} as const;
export type AcledActorCode = 0 | keyof typeof ACLED_ACTOR_TYPES;

const actorCodeByText = new Map<string, AcledActorCode>(
	Object.entries(ACLED_ACTOR_TYPES).map(([code, label]) => [label.toLowerCase(), Number(code) as AcledActorCode])
);

/**
 * The actor-type code from either form ACLED writes: the number 0-8 (older exports, the API) or the label
 * ("State forces", ... newer exports). Blank -> null; anything else -> undefined (the caller rejects the row).
 */
export function acledActorCode(value: string): AcledActorCode | null | undefined {
	const t = asciiDigits(value.trim());
	if (t === '') return null;
	const n = /^\d+(\.0+)?$/.test(t) ? Number.parseInt(t, 10) : Number.NaN;
	if (n >= 0 && n <= 8) return n as AcledActorCode;
	return actorCodeByText.get(t.replace(/\s+/g, ' ').toLowerCase());
}

/** actor2 name patterns that say more than the actor type (checked before it). */
const TARGET_BY_ACTOR_NAME: readonly (readonly [RegExp, TargetType])[] = [
	[/^police forces of\b/i, 'Police'],
	[/^military forces of\b/i, 'Military'],
	[/^government of\b/i, 'Government (General)'],
	[/^private security forces\b/i, 'Business'],
	[/^journalists\b/i, 'Journalists & Media']
];

/** What the actor type alone tells. */
const TARGET_BY_ACTOR_CODE: Readonly<Record<Exclude<AcledActorCode, 0>, TargetType>> = {
	1: 'Military',
	2: 'Terrorists/Non-State Militia',
	3: 'Terrorists/Non-State Militia',
	4: 'Terrorists/Non-State Militia',
	5: 'Private Citizens & Property',
	6: 'Private Citizens & Property',
	7: 'Private Citizens & Property',
	8: 'Other'
};

export interface AcledTargetInput {
	inter2: AcledActorCode | null;
	actor2: string | null;
	civilianTargeting: string | null;
}

/**
 * GTD target type for an ACLED event, first rule that applies:
 * 1. civilian_targeting = "Civilian targeting" -> Private Citizens & Property;
 * 2. no second actor (actor2 blank and inter2 blank or 0) -> Unknown;
 * 3. actor2 name: "Police Forces of ..." -> Police, "Military Forces of ..." -> Military, "Government of ..." ->
 *    Government (General), "Private Security Forces ..." -> Business, "Journalists ..." -> Journalists & Media;
 * 4. inter2: 1 State forces -> Military; 2/3/4 rebel, political and identity militias -> Terrorists/Non-State
 *    Militia; 5 rioters, 6 protesters, 7 civilians -> Private Citizens & Property; 8 external/other -> Other;
 * 5. otherwise Unknown.
 */
export function acledTargetType(input: AcledTargetInput): TargetType {
	if (input.civilianTargeting?.trim().toLowerCase() === 'civilian targeting') return 'Private Citizens & Property';
	const actor2 = input.actor2?.trim() ?? '';
	if (actor2 === '' && !input.inter2) return 'Unknown';
	for (const [pattern, target] of TARGET_BY_ACTOR_NAME) if (pattern.test(actor2)) return target;
	if (input.inter2) return TARGET_BY_ACTOR_CODE[input.inter2];
	return 'Unknown';
}

/** sub_event_type -> GTD attack type; a sub-event type not listed here gives null (no attack in GTD's sense). */
const ATTACK_BY_SUB_EVENT: ReadonlyMap<string, AttackType> = new Map(Object.entries({
	'armed clash': 'Armed Assault',
	attack: 'Armed Assault',
	'government regains territory': 'Armed Assault',
	'non-state actor overtakes territory': 'Armed Assault',
	'remote explosive/landmine/ied': 'Bombing/Explosion',
	'suicide bomb': 'Bombing/Explosion',
	'air/drone strike': 'Bombing/Explosion',
	'shelling/artillery/missile attack': 'Bombing/Explosion',
	grenade: 'Bombing/Explosion',
	'abduction/forced disappearance': 'Hostage Taking (Kidnapping)'
} satisfies Record<string, AttackType>));

/** Old exports (before sub-event types, 2019) only have event types such as "Battle-No change of territory". */
const ATTACK_BY_OLD_EVENT_TYPE: readonly (readonly [RegExp, AttackType])[] = [
	[/^battle-/i, 'Armed Assault'],
	[/^remote violence$/i, 'Bombing/Explosion']
];

/**
 * GTD attack type for an ACLED event from sub_event_type (see the table above); when a file has no
 * sub_event_type column, from the old event types ("Battle-..." -> Armed Assault, "Remote violence" ->
 * Bombing/Explosion). Protests, riots, strategic developments, sexual violence, looting and everything else -> null.
 */
export function acledAttackType(subEventType: string | null, eventType: string | null): AttackType | null {
	const sub = subEventType?.trim().replace(/\s+/g, ' ').toLowerCase();
	if (sub) return ATTACK_BY_SUB_EVENT.get(sub) ?? null;
	const event = eventType?.trim() ?? '';
	for (const [pattern, attack] of ATTACK_BY_OLD_EVENT_TYPE) if (pattern.test(event)) return attack;
	return null;
}
