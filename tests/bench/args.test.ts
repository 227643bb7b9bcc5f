import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, parseBenchArgs, parseSize, UsageError } from '../../bench/lib/args';

describe('bench command line', () => {
	it('reads sizes with k / M suffixes', () => {
		expect(parseSize('200000')).toBe(200_000);
		expect(parseSize('200k')).toBe(200_000);
		expect(parseSize('1M')).toBe(1_000_000);
		expect(parseSize('1.5m')).toBe(1_500_000);
		expect(() => parseSize('ten')).toThrow(UsageError);
		expect(() => parseSize('0')).toThrow(UsageError);
	});

	it('defaults to the four sizes; --rows, --sizes, --quick and --real', () => {
		expect(parseBenchArgs([]).sizes).toEqual([...DEFAULT_SIZES]);
		expect(parseBenchArgs(['--rows', '1M']).sizes).toEqual([1_000_000]);
		expect(parseBenchArgs(['--sizes', '200k,3M']).sizes).toEqual([200_000, 3_000_000]);
		const quick = parseBenchArgs(['--quick']);
		expect(quick).toMatchObject({ sizes: [200_000], quick: true, reps: 1, warmLoads: 1 });
		expect(parseBenchArgs(['--real', '--sizes', 'none'])).toMatchObject({ sizes: [], real: true });
		expect(() => parseBenchArgs(['--sizes', 'none'])).toThrow(UsageError);
		expect(() => parseBenchArgs(['--rows', '1M', '--sizes', '2M'])).toThrow(UsageError);
		expect(() => parseBenchArgs(['--bogus'])).toThrow(UsageError);
		expect(parseBenchArgs(['--interactions', '3', '--reps', '5'])).toMatchObject({ interactions: 3, reps: 5 });
	});
});
