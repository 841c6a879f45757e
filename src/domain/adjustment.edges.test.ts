import { describe, expect, it } from 'vitest';
import { adjustmentDraft, validateAdjustment } from './adjustment';

describe('owner adjustment at its edges', () => {
  const now = 1_750_000_000_000;

  it('takes up to 1000 stamps either way, with or without a plus sign', () => {
    expect(validateAdjustment({ stamps: '1000', reason: 'gift' })).toEqual({});
    expect(validateAdjustment({ stamps: '-1000', reason: 'gift' })).toEqual({});
    expect(validateAdjustment({ stamps: ' +3 ', reason: 'gift' })).toEqual({});
    expect(validateAdjustment({ stamps: '1001', reason: 'gift' })).toEqual({
      stamps: 'adjustment.stamps',
    });
    expect(validateAdjustment({ stamps: '-1001', reason: 'gift' })).toEqual({
      stamps: 'adjustment.stamps',
    });
  });

  it('refuses stamps that are not a whole number, and zero', () => {
    for (const stamps of ['1.5', '3 stamps', 'abc', '', '++3', '3-', '3+'])
      expect(validateAdjustment({ stamps, reason: 'gift' }).stamps).toBe('adjustment.stamps');
    expect(validateAdjustment({ stamps: '0', reason: 'gift' }).stamps).toBe('adjustment.zero');
    expect(validateAdjustment({ stamps: '-0', reason: 'gift' }).stamps).toBe('adjustment.zero');
  });

  it('needs a reason of at most 200 characters', () => {
    expect(validateAdjustment({ stamps: '2', reason: '   ' })).toEqual({
      reason: 'adjustment.reason',
    });
    expect(validateAdjustment({ stamps: '2', reason: 'a'.repeat(200) })).toEqual({});
    expect(validateAdjustment({ stamps: '2', reason: 'a'.repeat(201) })).toEqual({
      reason: 'adjustment.reasonTooLong',
    });
    expect(validateAdjustment({ stamps: '2', reason: ` ${'a'.repeat(200)} ` })).toEqual({});
  });

  it('reports the stamps first when both are wrong', () => {
    expect(adjustmentDraft('m1', { stamps: '0', reason: '' }, 'owner', now)).toBe(
      'adjustment.zero',
    );
    expect(adjustmentDraft('m1', { stamps: '2', reason: '' }, 'owner', now)).toBe(
      'adjustment.reason',
    );
  });

  it('writes the signed stamps and the reason on one line', () => {
    expect(
      adjustmentDraft('m1', { stamps: ' +3 ', reason: '  lost\n card  ' }, 'owner', now),
    ).toEqual({
      memberId: 'm1',
      type: 'adjustment',
      stamps: 3,
      reason: 'lost card',
      at: now,
      staffId: 'owner',
    });
    expect(adjustmentDraft('m1', { stamps: '-2', reason: 'mistake' }, 'owner', now)).toMatchObject({
      stamps: -2,
    });
  });
});
