import { describe, expect, it } from 'vitest';
import { REJECT_REASONS } from '../import/types';
import { ar } from './ar';
import { en } from './en';
import { rejectReasonKey } from './reject-reasons';

describe('reject reasons in the page', () => {
	it('every reason the importers give has an English and an Arabic label', () => {
		for (const reason of Object.values(REJECT_REASONS)) {
			const key = rejectReasonKey(reason);
			expect(key, reason).not.toBeNull();
			expect(en[key!], reason).toMatch(/\S/);
			expect(ar[key!], reason).toMatch(/[\u0600-\u06FF]/);
		}
	});

	it('a reason it does not know is left as written', () => {
		expect(rejectReasonKey('something new')).toBeNull();
	});
});
