// Actor groups: the documented choices, the demo's actors, and coverage of the names in the real exports (read in
// place from ../shared/data/real; skipped with the reason printed when it is absent).
import { describe, expect, it } from 'vitest';
import { ACTOR_GROUPS, ACTOR_GROUP_OF_NULL, ACTOR_GROUP_SLUGS, actorGroupOf, actorGroupTable, type ActorGroup } from '../../src/lib/data/actor-groups';
import { ACTORS, type ActorKey } from '../../src/lib/demo/actors';
import { hasRealData, query, real } from '../import/helpers';

if (!hasRealData) console.warn('actor-group coverage of the real exports skipped: ../shared/data/real is absent');

const expectGroup = (group: ActorGroup, names: string[]) => {
	for (const name of names) expect(actorGroupOf(name), name).toBe(group);
};

describe('actor groups', () => {
	it('lists each slug once, URL-safe, with English and Arabic labels', () => {
		expect(new Set(ACTOR_GROUP_SLUGS).size).toBe(ACTOR_GROUPS.length);
		for (const g of ACTOR_GROUPS) {
			expect(g.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
			expect(g.en.length).toBeGreaterThan(0);
			expect(g.ar).toMatch(/[\u0600-\u06FF]/);
		}
	});

	it('groups the names ACLED, UCDP, GTD and Arabic reports use', () => {
		expectGroup('islamic-state', ['ISIS', 'ISIS cells', 'ISIS cells (suspected)', 'Islamic State', 'Islamic State (Syria)', 'IS', 'Daesh',
			'داعش', 'خلايا تنظيم داعش', 'تنظيم الدولة الإسلامية', 'Islamic State of Iraq and the Levant (ISIL)', 'Khalid ibn al Walid Army']);
		expectGroup('sdf', ['SDF', 'قسد', 'Syrian Democratic Forces', 'QSD: Syrian Democratic Forces', 'QSD: Syrian Democratic Forces - Intelligence',
			'YPG: Peoples Protection Units', "People's Protection Units (YPG)", 'Asayish (Syria)', 'Manbij Military Council', 'قوات سوريا الديمقراطية (قسد)']);
		expectGroup('syrian-government', ['Military Forces of Syria (2000-)', 'Military Forces of Syria (2000-2024)', 'Military Forces of Syria (2024-)',
			'Military Forces of Syria (2000-) Tiger Paramilitary Forces (Qawat al Nimr)', 'Government of Syria', 'Syrian army', 'regime forces',
			'قوات النظام', 'Militia (Pro-Government)', 'QDW: National Defence Forces', 'Police Forces of Syria (2000-) State Security', 'ISIS Hunters']);
		expectGroup('turkey', ['Military Forces of Turkey (2016-)', 'Turkish forces', 'Government of Turkey', 'Operation Peace Spring', 'القوات التركية']);
		expectGroup('hts', ['Hayat Tahrir al-Sham', "Hay'at Tahrir al-Sham", 'HTS', 'HTS: Hayat Tahrir al Sham', 'هيئة تحرير الشام', 'Jabhat Fateh al Sham']);
		expectGroup('sna', ['Syrian National Army', 'JWS: Syrian National Army', 'SNA', 'الجيش الوطني السوري', 'Turkish-backed militia', 'Sultan Murad Division',
			'Hawar Kilis Operations Room']);
		expectGroup('russia', ['Military Forces of Russia (2000-)', 'Russian forces', 'القوات الروسية']);
		expectGroup('iran', ['Iran-backed militias', 'Militia (Pro-Iran)', 'Hezbollah', 'Government of Iran',
			'Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps', 'Fatemiyoun Brigade', 'ميليشيات مدعومة من إيران']);
		expectGroup('coalition', ['US-led coalition', 'International coalition', 'Global Coalition Against Daesh', 'التحالف الدولي',
			'Government of United States of America']);
		expectGroup('israel', ['Military Forces of Israel (2022-)', 'Israeli forces', 'Government of Israel', 'الجيش الإسرائيلي']);
		expectGroup('opposition', ['Free Syrian Army', 'JSH: Free Syrian Army', 'Opposition Rebels (Syria)', 'Syrian insurgents', 'rebels',
			'Ahrar al-Sham', 'Jaysh al-Islam', 'الجيش السوري الحر', 'Tahrir al- Sham Army']);
		expectGroup('unknown', ['Unidentified Armed Group (Syria)', 'Unknown', 'unidentified gunmen', 'Unidentified gunmen', 'مسلحون مجهولون', '', '  ']);
		expectGroup('other', ['Unidentified Tribal Militia (Syria)', 'Kurdistan Workers\' Party (PKK)', 'Government of Iraq', 'Allied Syrian and/or Russian Forces',
			'Mutiny of QSD: Syrian Democratic Forces', 'Shabiha of the Coast', 'Islamist Militia (Syria)']);
		expect(actorGroupOf(null)).toBe('unknown');
		expect(ACTOR_GROUP_OF_NULL).toBe('unknown');
	});

	it('combines alliances: one group stays, rebels together are opposition, otherwise the first named leads', () => {
		expect(actorGroupOf('HTS, Southern Front')).toBe('opposition');
		expect(actorGroupOf('National Front for Liberation, SNA')).toBe('opposition');
		expect(actorGroupOf('Hamza Division, Liwa al-Sultan Murad')).toBe('sna');
		expect(actorGroupOf('US-led coalition and SDF')).toBe('coalition');
		expect(actorGroupOf('23rd Division, Jaysh al Nasr, Sham Legion')).toBe('opposition');
		expect(actorGroupOf('Unknown, Islamic State')).toBe('islamic-state');
	});

	it('maps every demo actor to the group its label means', () => {
		const expected: Record<ActorKey, ActorGroup> = {
			isis: 'islamic-state', isis_cells: 'islamic-state', gov: 'syrian-government', russia: 'russia', iran: 'iran', sdf: 'sdf',
			coalition: 'coalition', hts: 'hts', sna: 'sna', opposition: 'opposition', turkey: 'turkey', israel: 'israel',
			transitional: 'syrian-government', remnants: 'other', tribal: 'other', local: 'other', unidentified: 'unknown', unknown: 'unknown'
		};
		for (const a of ACTORS) {
			expect(actorGroupOf(a.label), a.key).toBe(expected[a.key]);
			// The Arabic names the summaries use agree with the English labels.
			if (a.label !== null) expect(actorGroupOf(a.ar), `${a.key}: ${a.ar}`).toBe(expected[a.key]);
		}
	});

	it('builds the distinct-name table the artifact joins on', () => {
		expect(actorGroupTable(['SDF', null, 'SDF', 'ISIS'])).toEqual([['SDF', 'sdf'], ['ISIS', 'islamic-state']]);
	});
});

/** Names with 1% or more of a file's rows that rightly belong to no group: not armed actors, or groups of their own. */
const RIGHTLY_OTHER = new Set(['Protesters (Syria)', 'Rioters (Syria)', "Kurdistan Workers' Party (PKK)", 'Ansar Abi Bakr al-Siddiq Squadron']);

describe.skipIf(!hasRealData)('actor groups on the real exports', () => {
	const sources = [
		{ name: 'ACLED battles actor1', file: real('acled-syria-battles', 'acled_syria_battles_2017-2023.csv.gz'), column: 'actor1', where: 'TRUE' },
		{ name: 'ACLED 2022H1 Syria actor1', file: real('acled-sample-2022h1', 'acled_sample_global_2022H1.csv.gz'), column: 'actor1', where: "country = 'Syria'" },
		{ name: 'UCDP GED side_a', file: real('ucdp-ged-syria', 'ucdp_ged_syria_2016-2019.csv.gz'), column: 'side_a', where: 'TRUE' },
		{ name: 'GTD 2021H1 Syria gname', file: real('gtd-2021h1', 'gtd_2021H1.csv.gz'), column: 'gname', where: "country_txt = 'Syria'" }
	];
	for (const s of sources) {
		it(`${s.name}: at least 85% of rows fall in a named group, and no name with 1% of the rows is left in "other" by mistake`, async () => {
			const rows = await query(
				`SELECT ${s.column} AS name, count(*) AS n FROM read_csv_auto(?, all_varchar = true) WHERE ${s.where} GROUP BY ALL`,
				[s.file]
			);
			const total = rows.reduce((sum, r) => sum + (r.n as number), 0);
			const byGroup = new Map<ActorGroup, number>();
			for (const r of rows) {
				const g = actorGroupOf(r.name as string | null);
				byGroup.set(g, (byGroup.get(g) ?? 0) + (r.n as number));
			}
			const other = byGroup.get('other') ?? 0;
			const share = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
			console.info(
				`${s.name}: ${rows.length} names, ${total} rows; grouped ${share(total - other)}; ` +
					[...byGroup].sort((a, b) => b[1] - a[1]).map(([g, n]) => `${g} ${share(n)}`).join(', ')
			);
			expect((total - other) / total).toBeGreaterThanOrEqual(0.85);
			const bigOthers = rows.filter((r) => actorGroupOf(r.name as string | null) === 'other' && (r.n as number) >= 0.01 * total && !RIGHTLY_OTHER.has(r.name as string));
			expect(bigOthers.map((r) => r.name)).toEqual([]);
		});
	}
});
