// date-fns works on local dates; the buckets must not depend on the machine's time zone (DST at midnight in
// America/Sao_Paulo 2018, a date-line zone, a half-hour zone). Node applies a changed TZ to new Date calls.
import { afterAll, describe, expect, it } from 'vitest';
import { bucketSequence, bucketStart } from '../../src/lib/charts/buckets';
import { previousPeriod } from '../../src/lib/query/periods';
import { GRAINS } from '../../src/lib/query/filters';
import { refBucket } from '../query/reference';

const original = process.env.TZ;
afterAll(() => {
	if (original === undefined) delete process.env.TZ;
	else process.env.TZ = original;
});

describe.each(['America/Sao_Paulo', 'Pacific/Kiritimati', 'Asia/Kolkata', 'America/Los_Angeles'])('in %s', (tz) => {
	it('bucket starts and sequences match the UTC reference', () => {
		process.env.TZ = tz;
		for (let t = Date.UTC(2018, 9, 1); t <= Date.UTC(2019, 3, 1); t += 86_400_000) {
			const day = new Date(t).toISOString().slice(0, 10);
			for (const grain of GRAINS) expect(bucketStart(day, grain)).toBe(refBucket(day, grain));
		}
		const days = bucketSequence('2018-11-01', '2018-11-10', 'day');
		expect(days).toEqual(Array.from({ length: 10 }, (_, i) => `2018-11-${String(i + 1).padStart(2, '0')}`));
		expect(previousPeriod({ from: '2018-11-04', to: '2018-11-10' })).toEqual({ from: '2018-10-28', to: '2018-11-03' });
	});
});
