// Category vocabularies shared by importers, the generator, the artifact build (ENUM types) and the UI.
// Labels are the codebooks' own spellings so that they round-trip through URLs and CSVs unchanged.

/** GTD codebook, attacktype1_txt (9 values). */
export const ATTACK_TYPES = [
	'Assassination',
	'Armed Assault',
	'Bombing/Explosion',
	'Hijacking',
	'Hostage Taking (Barricade Incident)',
	'Hostage Taking (Kidnapping)',
	'Facility/Infrastructure Attack',
	'Unarmed Assault',
	'Unknown'
] as const;
export type AttackType = (typeof ATTACK_TYPES)[number];

/** GTD codebook, targtype1_txt (22 values). */
export const TARGET_TYPES = [
	'Business',
	'Government (General)',
	'Police',
	'Military',
	'Abortion Related',
	'Airports & Aircraft',
	'Government (Diplomatic)',
	'Educational Institution',
	'Food or Water Supply',
	'Journalists & Media',
	'Maritime',
	'NGO',
	'Other',
	'Private Citizens & Property',
	'Religious Figures/Institutions',
	'Telecommunication',
	'Terrorists/Non-State Militia',
	'Tourists',
	'Transportation',
	'Unknown',
	'Utilities',
	'Violent Political Party'
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** ACLED event types (6 values). */
export const ACLED_EVENT_TYPES = [
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians',
	'Protests',
	'Riots',
	'Strategic developments'
] as const;

/** UCDP GED's types of violence, which the UCDP importer writes as event_type (1, 2, 3). */
export const UCDP_EVENT_TYPES = ['State-based conflict', 'Non-state conflict', 'One-sided violence'] as const;

/** Every event_type value a known source writes: ACLED's six, then UCDP's three. */
export const EVENT_TYPES = [...ACLED_EVENT_TYPES, ...UCDP_EVENT_TYPES] as const;

/** ACLED sub-event types (codebook 2023+), grouped by their event type. */
export const ACLED_SUB_EVENT_TYPES = [
	'Armed clash',
	'Government regains territory',
	'Non-state actor overtakes territory',
	'Chemical weapon',
	'Air/drone strike',
	'Suicide bomb',
	'Shelling/artillery/missile attack',
	'Remote explosive/landmine/IED',
	'Grenade',
	'Sexual violence',
	'Attack',
	'Abduction/forced disappearance',
	'Peaceful protest',
	'Protest with intervention',
	'Excessive force against protesters',
	'Violent demonstration',
	'Mob violence',
	'Agreement',
	'Arrests',
	'Change to group/activity',
	'Disrupted weapons use',
	'Headquarters or base established',
	'Looting/property destruction',
	'Non-violent transfer of territory',
	'Other'
] as const;
export type AcledSubEventType = (typeof ACLED_SUB_EVENT_TYPES)[number];

export const SOURCE_DATASETS = ['acled', 'gtd', 'ucdp', 'csv', 'manual', 'synthetic'] as const;
export type SourceDataset = (typeof SOURCE_DATASETS)[number];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const GEO_PRECISIONS = ['point', 'town', 'near', 'admin2', 'admin1', 'country'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

const byLowerCase = <T extends string>(values: readonly T[]) =>
	new Map(values.map((v) => [v.toLowerCase(), v] as const));
const attackLookup = byLowerCase(ATTACK_TYPES);
const targetLookup = byLowerCase(TARGET_TYPES);
const eventLookup = byLowerCase(EVENT_TYPES);
const subEventLookup = byLowerCase(ACLED_SUB_EVENT_TYPES);
const fold = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** Codebook spelling of an ACLED event type or UCDP type of violence, case-insensitively; null otherwise. */
export const toEventType = (value: string): string | null => eventLookup.get(fold(value)) ?? null;

/** Codebook spelling of an ACLED sub-event type, case-insensitively; null otherwise. */
export const toSubEventType = (value: string): string | null => subEventLookup.get(fold(value)) ?? null;

/** Codebook label for a free-text attack type, case-insensitively; null when it is not one of the 9. */
export function toAttackType(value: string | null | undefined): AttackType | null {
	if (!value) return null;
	return attackLookup.get(value.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

/** Codebook label for a free-text target type, case-insensitively; null when it is not one of the 22. */
export function toTargetType(value: string | null | undefined): TargetType | null {
	if (!value) return null;
	return targetLookup.get(value.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}
