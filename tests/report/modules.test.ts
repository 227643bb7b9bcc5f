// Unit tests, one block per module of src/lib/report.
import { describe, expect, it } from 'vitest';
import { periodOf, previousWeekday } from '../../src/lib/report/calendar';
import { findDateCues } from '../../src/lib/report/date-cues';
import { resolveDate } from '../../src/lib/report/dates';
import { foldWithOrigin, tokens, toSource } from '../../src/lib/report/fold-map';
import { countAt } from '../../src/lib/report/numbers';
import { extractCasualties } from '../../src/lib/report/casualties';
import { extractPlace } from '../../src/lib/report/place-match';
import { extractPerpetrator } from '../../src/lib/report/actors';
import { eventTypeOf, extractAttack } from '../../src/lib/report/attack';
import { splitIncidents, splitSentences } from '../../src/lib/report/segments';
import { DISTRICTS, PLACES } from '../../src/lib/report/places';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { extractIncidents } from '../../src/lib/report';

const whole = (text: string) => {
	const f = foldWithOrigin(text);
	return { f, all: [[0, f.text.length]] as [number, number][] };
};

describe('fold-map', () => {
	it('maps folded spans back to the pasted words, harakat and digits included', () => {
		const text = 'قُتِلَ ٣ عناصر في حيّ الدرعية';
		const f = foldWithOrigin(text);
		expect(f.text).toBe('قتل 3 عناصر في حي الدرعيه');
		const at = f.text.indexOf('الدرعيه');
		const [s, e] = toSource(f, at, at + 'الدرعيه'.length);
		expect(text.slice(s, e)).toBe('الدرعية');
		const [s2, e2] = toSource(f, 0, 3);
		expect(text.slice(s2, e2)).toBe('قُتِلَ');
	});
});

describe('numbers', () => {
	const count = (text: string) => countAt(tokens(foldWithOrigin(text).text), 0)?.value ?? null;
	it('reads digits in both scripts, words and compounds', () => {
		expect(count('١٢ قتيلا')).toBe(12);
		expect(count('ثلاثة عناصر')).toBe(3);
		expect(count('أربعة عشر')).toBe(14);
		expect(count('خمسة وعشرون')).toBe(25);
		expect(count('seven civilians')).toBe(7);
		expect(count('twenty three')).toBe(23);
	});
	it('reads duals and a singular person as counts', () => {
		expect(count('عنصرين')).toBe(2);
		expect(count('طفلان')).toBe(2);
		expect(count('قتيلين')).toBe(2);
		expect(count('مدنيان')).toBe(2);
		// "مدنيين" is also the plural: not read as two.
		expect(count('مدنيين')).toBeNull();
		expect(count('شخص')).toBe(1);
		expect(count('a shepherd')).toBe(1);
		expect(count('a car')).toBeNull();
	});
	it('codes vague quantities as ACLED does, with a low confidence', () => {
		const vague = (text: string) => countAt(tokens(foldWithOrigin(text).text), 0);
		expect(vague('dozens')).toMatchObject({ value: 12, vague: true });
		expect(vague('عشرات')).toMatchObject({ value: 10, vague: true });
		expect(vague('tens')).toMatchObject({ value: 10 });
		expect(vague('مئات')).toMatchObject({ value: 100 });
		expect(vague('dozens')!.confidence).toBeLessThan(0.5);
	});
});

describe('casualties', () => {
	const cas = (text: string) => {
		const { f, all } = whole(text);
		const r = extractCasualties(f, all);
		return [r.killed.value, r.injured.value];
	};
	it('ties figures to death and injury words', () => {
		expect(cas('ما أدى إلى مقتل عنصرين وإصابة ثلاثة آخرين')).toEqual([2, 3]);
		expect(cas('سقوط قتيلين وأربعة جرحى')).toEqual([2, 4]);
		expect(cas('killing 3 people and wounding dozens')).toEqual([3, 12]);
		expect(cas('A shepherd was killed when a mine exploded')).toEqual([1, null]);
		expect(cas('ما أدى إلى مقتله على الفور')).toEqual([1, null]);
	});
	it('gives 0 only when the report says so, null when it says nothing', () => {
		expect(cas('without causing casualties')).toEqual([0, 0]);
		expect(cas('دون وقوع إصابات')).toEqual([0, 0]);
		expect(cas('اختطف مجهولون طفلاً يبلغ من العمر عشرة أعوام')).toEqual([null, null]);
	});
});

describe('calendar and dates', () => {
	it('picks the narrowest period a window fits', () => {
		expect(periodOf('2024-01-31', '2024-01-31')).toEqual({ event_date: '2024-01-31', date_precision: 'day', date_end: null });
		expect(periodOf('2024-01-25', '2024-01-30')).toMatchObject({ date_precision: 'week', date_end: '2024-01-30' });
		expect(periodOf('2024-01-05', '2024-01-20')).toEqual({ event_date: '2024-01-01', date_precision: 'month', date_end: '2024-01-31' });
		expect(previousWeekday('2024-02-01', 3, false)).toBe('2024-01-31');
	});
	it('finds cues in both languages, leaving out the day someone spoke', () => {
		const kinds = (t: string) => findDateCues(foldWithOrigin(t).text).map((c) => c.kind);
		expect(kinds('أمس الأربعاء')).toEqual(['relative', 'weekday']);
		expect(kinds('يوم الاثنين 12 شباط/فبراير 2024')).toEqual(['weekday', 'explicit']);
		expect(kinds('last Friday, his family said on Tuesday')).toEqual(['weekday']);
		expect(kinds('on 3 May 2023')).toEqual(['explicit']);
	});
	const date = (text: string, pub: string) => {
		const { f, all } = whole(text);
		return resolveDate(f, all, pub);
	};
	it('resolves "yesterday, Wednesday" to a day when the weekday matches', () => {
		expect(date('أمس الأربعاء', '2024-02-01').value).toMatchObject({ event_date: '2024-01-31', date_precision: 'day', weekday_mismatch: false });
	});
	it('flags a weekday that does not match and codes the window of both readings', () => {
		const d = date('أمس الثلاثاء', '2024-01-11');
		expect(d.value).toMatchObject({ event_date: '2024-01-09', date_end: '2024-01-10', date_precision: 'week', weekday_mismatch: true });
		expect(d.confidence).toBeLessThan(0.5);
		expect(d.note).toMatch(/does not match/);
	});
	it('codes "days ago" and "last week" as windows, and a yearless date as the latest before publication', () => {
		expect(date('قبل أيام', '2023-06-15').value).toMatchObject({ event_date: '2023-06-08', date_end: '2023-06-13', date_precision: 'week' });
		expect(date('الأسبوع الماضي', '2024-03-06').value).toMatchObject({ event_date: '2024-02-26', date_end: '2024-03-03' });
		expect(date('في 28 كانون الأول', '2024-01-03').value.event_date).toBe('2023-12-28');
	});
	it('has a low confidence and no evidence when the report gives no date', () => {
		const d = date('انفجار في السوق', '2024-01-10');
		expect(d.confidence).toBeLessThan(0.3);
		expect(d.evidence).toEqual([]);
	});
});

describe('places', () => {
	it('lists districts and places under real p-codes', () => {
		expect(DISTRICTS).toHaveLength(62);
		const districts = new Set(DISTRICTS.map((d) => d.pcode));
		for (const d of DISTRICTS) expect(SYRIA_PCODES).toContain(d.pcode.slice(0, 4));
		for (const p of PLACES) expect(districts.has(p.admin2), p.en).toBe(true);
	});
	it('finds al-Dir\'iya in Raqqa city, in Arabic and English', () => {
		for (const text of ['هجوم على مقر في حي الدرعية بمدينة الرقة', "an attack in the al-Dir'iya neighbourhood of Raqqa city"]) {
			const { f, all } = whole(text);
			const p = extractPlace(f, all, []);
			expect(p.location.value?.name).toBe("al-Dir'iya");
			expect(p.district.value?.pcode).toBe('SY1101');
			expect(p.governorate.value?.pcode).toBe('SY11');
		}
	});
	it('falls back to the governorate when no town is known', () => {
		const { f, all } = whole('قصف على ريف حماة الشمالي');
		const p = extractPlace(f, all, []);
		expect(p.governorate.value?.pcode).toBe('SY05');
		expect(p.location.value).toBeNull();
	});
});

describe('actors', () => {
	const perp = (text: string) => {
		const { f } = whole(text);
		return extractPerpetrator(f, splitSentences(f.text)).value;
	};
	it('keeps suspected and claimed as such', () => {
		expect(perp('هجوم يُعتقد أن تنظيم داعش وخلاياه يقفون خلفه')).toEqual({ text: 'ISIS cells (suspected)', group: 'islamic-state', attribution: 'suspected' });
		expect(perp('The Islamic State group claimed responsibility for the attack.')).toMatchObject({ text: 'ISIS (claimed)', attribution: 'claimed' });
	});
	it('reads the agent of the attack verb, not the victim or the source', () => {
		expect(perp('قصفت قوات النظام قرية في جبل الزاوية')).toMatchObject({ group: 'syrian-government', attribution: 'stated' });
		expect(perp('استهدفت طائرة مسيّرة تركية سيارة تابعة لقسد')).toMatchObject({ text: 'Turkish forces', group: 'turkey' });
		expect(perp('نفذ التحالف الدولي بالتنسيق مع قوات قسد عملية أمنية')).toMatchObject({ text: 'US-led coalition and SDF', group: 'coalition' });
		expect(perp('A bomb exploded, according to the Asayish.')).toMatchObject({ text: 'Unknown', group: 'unknown' });
	});
	it('does not read "no group claimed" as a claim', () => {
		const p = perp('A roadside bomb wounded four civilians. No group claimed the bombing.');
		expect(p).toMatchObject({ text: 'Unknown', attribution: 'none' });
	});
});

describe('attack, target and event types', () => {
	it('prefers the most specific means', () => {
		const at = (text: string) => {
			const { f, all } = whole(text);
			return extractAttack(f, all).attackType.value;
		};
		expect(at('اختطف مسلحون عاملين بعد إطلاق النار')).toBe('Hostage Taking (Kidnapping)');
		expect(at('اغتال مسلحون مختار البلدة بإطلاق النار عليه')).toBe('Assassination');
		expect(at('an attack with a roadside bomb')).toBe('Bombing/Explosion');
		expect(at('هجوم مسلح على حاجز')).toBe('Armed Assault');
	});
	it('derives the ACLED event type from the attack type and the target', () => {
		const field = <T>(value: T) => ({ value, confidence: 1, evidence: [] });
		expect(eventTypeOf(field('Armed Assault'), 'armed', 'Military').eventType.value).toBe('Battles');
		expect(eventTypeOf(field('Armed Assault'), 'armed', 'Private Citizens & Property').eventType.value).toBe('Violence against civilians');
		expect(eventTypeOf(field('Bombing/Explosion'), 'air', 'Military').subEventType.value).toBe('Air/drone strike');
	});
	it('reads targets from the words the attack falls on', () => {
		const [d] = extractIncidents('Unidentified gunmen abducted a local journalist in Tabqa yesterday.', { publishedOn: '2024-07-02' });
		expect(d.targetType.value).toBe('Journalists & Media');
		const [k] = extractIncidents('اختطف مجهولون طفلاً أمس أثناء عودته من المدرسة في دوما', { publishedOn: '2024-07-02' });
		expect(k.targetType.value).toBe('Private Citizens & Property');
	});
});

describe('segments', () => {
	it('splits sentences without breaking "U.S."', () => {
		const f = foldWithOrigin('U.S. forces struck a car. Two died.');
		expect(splitSentences(f.text)).toHaveLength(2);
	});
	it('opens a new incident on "in a separate incident" or on a different date cue, and drops background', () => {
		const text = 'Gunmen killed two soldiers on Monday. The attack lasted an hour. In a separate incident, a bomb wounded four civilians. ' +
			'Landmines have killed hundreds since 2017.';
		const segs = splitIncidents(foldWithOrigin(text), '2024-02-21');
		expect(segs).toHaveLength(2);
		expect(segs[0].primary).toHaveLength(2);
		const ar = 'قتل عنصران أمس الأربعاء بهجوم مسلح. وقبل أيام، قتل قيادي في عملية أمنية. يذكر أنه في العام الماضي 2023 صعدت الخلايا هجماتها.';
		expect(splitIncidents(foldWithOrigin(ar), '2024-02-01')).toHaveLength(2);
	});
});
