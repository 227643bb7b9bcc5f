// Resolves a segment's date cue against the publication date into the schema's event_date / date_precision /
// date_end. Precision is what the words prove: "أمس الأربعاء" on a Thursday is a day; "قبل أيام" is a window of
// days (week precision with date_end); a weekday that contradicts its cue is flagged and coded as the window that
// covers both readings, so no day is invented.
import { addDays, isoFromParts, periodOf, previousWeekday, weekday, WEEKDAY_EN, type Period } from './calendar';
import { adjacent, findDateCues, type DateCue, type RelativeKind } from './date-cues';
import { toSource, type Folded } from './fold-map';
import type { DateValue, Field, Span } from './types';

const GLOSS: Record<RelativeKind, string> = {
	today: 'today', yesterday: 'yesterday', 'day-before-yesterday': 'the day before yesterday', overnight: 'overnight',
	'days-ago': 'a few days ago', 'this-week': 'earlier this week', 'last-week': 'last week', 'last-month': 'last month'
};

interface Reading {
	lo: string;
	hi: string;
	confidence: number;
	gloss: string;
}

/** The window of days a cue alone means, against publication date `pub`. */
function readCue(cue: DateCue, pub: string): Reading | null {
	switch (cue.kind) {
		case 'relative': {
			const g = GLOSS[cue.rel];
			const day = (n: number): Reading => ({ lo: addDays(pub, -n), hi: addDays(pub, -n), confidence: 0.85, gloss: g });
			if (cue.rel === 'today') return day(0);
			if (cue.rel === 'yesterday') return day(1);
			if (cue.rel === 'day-before-yesterday') return day(2);
			if (cue.rel === 'overnight') return { lo: addDays(pub, -1), hi: pub, confidence: 0.7, gloss: g };
			// "A few days": two to seven days back; "yesterday" would have been said as such.
			if (cue.rel === 'days-ago') return { lo: addDays(pub, -7), hi: addDays(pub, -2), confidence: 0.6, gloss: g };
			const monday = previousWeekday(pub, 1, false);
			if (cue.rel === 'this-week') return { lo: monday, hi: pub, confidence: 0.6, gloss: g };
			if (cue.rel === 'last-week') return { lo: addDays(monday, -7), hi: addDays(monday, -1), confidence: 0.6, gloss: g };
			const firstOfMonth = `${pub.slice(0, 7)}-01`;
			const lastOfPrevious = addDays(firstOfMonth, -1);
			return { lo: `${lastOfPrevious.slice(0, 7)}-01`, hi: lastOfPrevious, confidence: 0.6, gloss: g };
		}
		case 'days-back':
			return { lo: addDays(pub, -cue.days), hi: addDays(pub, -cue.days), confidence: 0.85, gloss: `${cue.days} days ago` };
		case 'weekday': {
			const d = previousWeekday(pub, cue.dow, cue.last);
			return { lo: d, hi: d, confidence: 0.75, gloss: `${cue.last ? 'last ' : ''}${WEEKDAY_EN[cue.dow]}` };
		}
		case 'explicit': {
			let year = cue.year ?? Number(pub.slice(0, 4));
			let iso = isoFromParts(year, cue.month, cue.day);
			// A date without a year is the most recent such date on or before publication.
			if (iso && cue.year === null && iso > pub) iso = isoFromParts(--year, cue.month, cue.day);
			return iso ? { lo: iso, hi: iso, confidence: 0.95, gloss: iso } : null;
		}
	}
}

/** The [first, last] day a cue alone means, or null when it names no real date; for telling incidents apart. */
export function cueWindow(cue: DateCue, pub: string): [string, string] | null {
	const r = readCue(cue, pub);
	return r ? [r.lo, r.hi] : null;
}

export interface ResolvedDate {
	value: DateValue;
	confidence: number;
	/** Folded spans of the cue words. */
	spans: [number, number][];
	note?: string;
}

/** Combines a day cue with an adjacent weekday ("أمس الأربعاء", "Monday 12 February") and checks one against the other. */
function resolveFirst(folded: string, cues: DateCue[], pub: string): ResolvedDate | null {
	for (let i = 0; i < cues.length; i++) {
		let cue = cues[i];
		let named: DateCue | null = null;
		const next = cues[i + 1];
		if (next && adjacent(folded, cue, next) && (cue.kind === 'weekday') !== (next.kind === 'weekday')) {
			// "أمس الأربعاء" or "Monday, 12 February": the day cue is read, the weekday checks it.
			[cue, named] = cue.kind === 'weekday' ? [next, cue] : [cue, next];
		}
		const reading = readCue(cue, pub);
		if (!reading) continue;
		const spans: [number, number][] = [[cue.start, cue.end]];
		const words = folded.slice(cue.start, cue.end);
		let raw = `"${words}" (${reading.gloss})`;
		let period: Period = periodOf(reading.lo, reading.hi);
		let confidence = reading.confidence;
		let mismatch = false;
		let note: string | undefined;
		if (named?.kind === 'weekday') {
			spans.push([named.start, named.end]);
			raw = `"${folded.slice(Math.min(cue.start, named.start), Math.max(cue.end, named.end))}" (${reading.gloss}, ${WEEKDAY_EN[named.dow]})`;
			if (reading.lo === reading.hi && weekday(reading.lo) === named.dow) confidence = 0.95;
			else if (reading.lo === reading.hi) {
				// The words disagree: keep both readings as a window rather than pick one.
				mismatch = true;
				const other = cue.kind === 'explicit' ? nearestWeekday(reading.lo, named.dow) : previousWeekday(pub, named.dow, false);
				const [lo, hi] = other < reading.lo ? [other, reading.lo] : [reading.lo, other];
				period = periodOf(lo, hi);
				confidence = 0.4;
				note = `${WEEKDAY_EN[named.dow]} does not match ${reading.gloss} (${reading.lo} is a ${WEEKDAY_EN[weekday(reading.lo)]}): coded as ${lo}..${hi}`;
			}
		}
		return {
			value: { ...period, weekday_mismatch: mismatch, raw: `${raw} in a report published ${pub} (${WEEKDAY_EN[weekday(pub)]})` },
			confidence,
			spans,
			note
		};
	}
	return null;
}

/** For an explicit date whose weekday is wrong: the named weekday closest to it (within three days). */
function nearestWeekday(date: string, dow: number): string {
	const forward = (dow - weekday(date) + 7) % 7;
	return forward <= 3 ? addDays(date, forward) : addDays(date, forward - 7);
}

/**
 * The date of a segment from its ranges of folded text, tried in order (event sentences first, then context).
 * Without any cue the event is assumed to lie in the week before publication, with a low confidence.
 */
export function resolveDate(f: Folded, ranges: readonly (readonly [number, number])[], pub: string): Field<DateValue> {
	for (const [from, to] of ranges) {
		const found = resolveFirst(f.text, findDateCues(f.text, from, to), pub);
		if (found) {
			const evidence: Span[] = found.spans.map(([s, e]) => toSource(f, s, e));
			const raw = found.value.raw.replace(/"[^"]*"/, `"${evidence.map(([s, e]) => f.source.slice(s, e)).join(' ... ')}"`);
			return { value: { ...found.value, raw }, confidence: found.confidence, evidence, note: found.note };
		}
	}
	const period = periodOf(addDays(pub, -6), pub);
	return {
		value: { ...period, weekday_mismatch: false, raw: `no date in the text; the week before publication ${pub}` },
		confidence: 0.2,
		evidence: [],
		note: 'The report gives no date for this incident: the week before publication is assumed.'
	};
}
