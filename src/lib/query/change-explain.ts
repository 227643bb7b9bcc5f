// One line per figure of the "What is changing" panel, explaining its rule, in English and Arabic (issue 12,
// section 2). Kept next to the builder whose rules they state (change-levels.ts) so the two change together; the
// app may move them into its message catalogues. {weeks} is the baseline's 4 or 52.
export type ChangeFigure =
	| 'current'
	| 'baseline'
	| 'change_pct'
	| 'level'
	| 'new_activity'
	| 'surge'
	| 'threat'
	| 'highest_years'
	| 'imprecise';

export const CHANGE_EXPLANATIONS: Readonly<Record<ChangeFigure, { en: string; ar: string }>> = {
	current: {
		en: 'Incidents (or known killed) in the 7 days ending on the reference day.',
		ar: 'الحوادث (أو القتلى المعروفون) في الأيام السبعة المنتهية في يوم المرجع.'
	},
	baseline: {
		en: 'Mean weekly figure of the {weeks} weeks before the current week.',
		ar: 'المتوسط الأسبوعي للأسابيع الـ{weeks} السابقة للأسبوع الحالي.'
	},
	change_pct: {
		en: 'Change = (current − baseline) ÷ baseline; none when the baseline is 0.',
		ar: 'التغيّر = (الحالي − الأساس) ÷ الأساس؛ لا يُحسب إذا كان الأساس صفرًا.'
	},
	level: {
		en: 'Above +25 % large increase; +10 to +25 % moderate; −25 to +10 % limited; below −25 % large decrease; baseline ≤ 2 and current ≤ 5 is limited.',
		ar: 'فوق +25٪ زيادة كبيرة؛ من +10 إلى +25٪ زيادة معتدلة؛ من −25 إلى +10٪ تغيّر محدود؛ دون −25٪ انخفاض كبير؛ أساس ≤ 2 وحالي ≤ 5 تغيّر محدود.'
	},
	new_activity: {
		en: 'New activity: nothing in the baseline weeks and more than 5 now (counted as a large increase).',
		ar: 'نشاط جديد: لا شيء في أسابيع الأساس وأكثر من 5 الآن (يُعدّ زيادة كبيرة).'
	},
	surge: {
		en: 'Surge: this week at least double the mean of the 4 weeks before, that mean being at least 1.',
		ar: 'طفرة: هذا الأسبوع ضعف متوسط الأسابيع الأربعة السابقة على الأقل، والمتوسط 1 على الأقل.'
	},
	threat: {
		en: 'Threat: the mean of the last 4 weeks at least double the mean of the 52 weeks before them.',
		ar: 'تهديد: متوسط آخر 4 أسابيع ضعف متوسط الأسابيع الـ52 التي قبلها على الأقل.'
	},
	highest_years: {
		en: 'Killed in the 30 days ending on the reference day: the highest 30-day total in 1 or 3 years, and at least 100.',
		ar: 'القتلى في الأيام الثلاثين المنتهية في يوم المرجع: أعلى مجموع لثلاثين يومًا منذ سنة أو ثلاث سنوات، و100 على الأقل.'
	},
	imprecise: {
		en: 'Incidents dated only to the month or year are left out of these windows; this many were.',
		ar: 'الحوادث المؤرّخة بالشهر أو السنة فقط مستبعدة من هذه الفترات؛ وهذا عددها.'
	}
};

/** An explanation with the baseline's weeks filled in. */
export function explainChange(figure: ChangeFigure, lang: 'en' | 'ar', weeks: number): string {
	return CHANGE_EXPLANATIONS[figure][lang].replace('{weeks}', String(weeks));
}
