import { describe, expect, it } from 'vitest';
import { describeVerification } from './verify-badge.tsx';

describe('describeVerification', () => {
  it('says the chain is verified, with the number of records', () => {
    expect(describeVerification({ isValid: true, checked: 12, firstBroken: null })).toBe('Chain verified — 12 records');
    expect(describeVerification({ isValid: true, checked: 1, firstBroken: null })).toBe('Chain verified — 1 record');
  });

  it('names the first broken record and what is wrong with it', () => {
    expect(describeVerification({ isValid: false, checked: 40, firstBroken: { seq: 17, problem: 'hash_mismatch' } })).toBe(
      'Chain broken at record #17: its contents do not match its hash (edited)',
    );
    expect(describeVerification({ isValid: false, checked: 40, firstBroken: { seq: 9, problem: 'missing_record' } })).toBe(
      'Chain broken at record #9: a record is missing (deleted)',
    );
  });
});
