// extractIncidents: a pasted report (Arabic or English) and its publication date in, one draft per incident out.
// Rule-based and offline: every value comes from a documented word list or rule in this folder, with the words
// it came from and a confidence, for the analyst to check and correct.
import { eventTypeOf, extractAttack } from './attack';
import { extractCasualties } from './casualties';
import { parseIso } from './calendar';
import { resolveDate } from './dates';
import { foldWithOrigin, toSource, type Folded } from './fold-map';
import { extractPerpetrator } from './actors';
import { extractPlace } from './place-match';
import { CASUALTY_WORDS, splitIncidents, type IncidentSegment, type Range } from './segments';
import { extractTarget } from './target';
import type { IncidentDraft, ReportMeta } from './types';

/** "..., according to X", "بحسب ...", ", a war monitor said": the source of a statement is not a party to it. */
const SOURCE_CLAUSE = /(?:[,،]\s*)?(?<![\p{L}])(?:وفق|وفقا|بحسب|حسب|نقلا عن|according to|citing)(?![\p{L}])|[,،]\s+[^,،]{0,48}(?<![\p{L}])said\s*[.]?\s*$/u;

/** The part of a sentence before the clause naming who reported it (never the whole sentence). */
export function beforeSourceClause(f: Folded, [start, end]: Range): Range {
	const m = SOURCE_CLAUSE.exec(f.text.slice(start, end));
	return m && m.index > 10 ? [start, start + m.index] : [start, end];
}

function draftOf(f: Folded, seg: IncidentSegment, meta: ReportMeta): IncidentDraft {
	const pub = meta.publishedOn;
	const all = [...seg.primary, ...seg.context];
	const own = seg.primary.map((r) => beforeSourceClause(f, r));
	const date = resolveDate(f, all, pub);
	const place = extractPlace(f, seg.primary, seg.context);
	const { killed, injured } = extractCasualties(f, all);
	const perpetrator = extractPerpetrator(f, [...own, ...seg.context.map((r) => beforeSourceClause(f, r))]);
	const attack = extractAttack(f, own);
	const casualtyStarts = own.flatMap(([a, b]) => CASUALTY_WORDS.find(f.text, a, b).map((h) => h.start));
	const targetType = extractTarget(f, own, [...attack.triggers.map((t) => t.start), ...casualtyStarts], perpetrator.value.text);
	const { eventType, subEventType } = eventTypeOf(attack.attackType, attack.means, targetType.value);
	const first = seg.sentences[0];
	const last = seg.sentences[seg.sentences.length - 1];
	return {
		segment: toSource(f, first.start, last.end),
		date,
		...place,
		killed,
		injured,
		perpetrator,
		attackType: attack.attackType,
		targetType,
		eventType,
		subEventType,
		source: { publishedOn: pub, ...(meta.outlet ? { outlet: meta.outlet } : {}), ...(meta.url ? { url: meta.url } : {}) },
		text: f.source
	};
}

/** One draft per incident the report describes, in the order the report gives them. */
export function extractIncidents(text: string, meta: ReportMeta): IncidentDraft[] {
	parseIso(meta.publishedOn);
	const f = foldWithOrigin(text);
	return splitIncidents(f, meta.publishedOn).map((seg) => draftOf(f, seg, meta));
}
