/** The operator's settings read from the environment: what each gives, and a clear refusal. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTAS, quotasFromEnv } from './quota';
import { signupFromEnv } from './signup';

describe('SETIA_QUOTA_* from the environment', () => {
  it('defaults to 250,000 events a day and 1 GB, and reads MB as megabytes', () => {
    expect(quotasFromEnv({})).toEqual(DEFAULT_QUOTAS);
    expect(DEFAULT_QUOTAS).toEqual({ eventsPerDay: 250_000, storedBytes: 1024 ** 3 });
    expect(quotasFromEnv({ SETIA_QUOTA_EVENTS_PER_DAY: '', SETIA_QUOTA_STORED_MB: '' })).toEqual(
      DEFAULT_QUOTAS,
    );
    expect(
      quotasFromEnv({ SETIA_QUOTA_EVENTS_PER_DAY: '1000', SETIA_QUOTA_STORED_MB: '5' }),
    ).toEqual({ eventsPerDay: 1000, storedBytes: 5 * 1024 * 1024 });
    expect(quotasFromEnv({ SETIA_QUOTA_EVENTS_PER_DAY: '0', SETIA_QUOTA_STORED_MB: '0' })).toEqual({
      eventsPerDay: 0,
      storedBytes: 0,
    });
  });

  it('refuses what is not a whole number ≥ 0, naming the setting', () => {
    for (const bad of ['-1', '1.5', 'lots', '1e400'])
      expect(() => quotasFromEnv({ SETIA_QUOTA_EVENTS_PER_DAY: bad })).toThrow(
        `SETIA_QUOTA_EVENTS_PER_DAY must be a whole number ≥ 0 (0 = no limit), got "${bad}".`,
      );
    expect(() => quotasFromEnv({ SETIA_QUOTA_STORED_MB: 'x' })).toThrow('SETIA_QUOTA_STORED_MB');
  });
});

describe('SETIA_SIGNUP from the environment', () => {
  it('is "first" by default, takes open and token, and reads codes as they are typed', () => {
    expect(signupFromEnv({})).toEqual({ mode: 'first', tokens: [] });
    expect(signupFromEnv({ SETIA_SIGNUP: '' }).mode).toBe('first');
    expect(signupFromEnv({ SETIA_SIGNUP: 'open' }).mode).toBe('open');
    expect(
      signupFromEnv({ SETIA_SIGNUP: 'token', SETIA_SIGNUP_TOKENS: 'abcd-efgh-jkmn, QRST UVWX,,' }),
    ).toEqual({ mode: 'token', tokens: ['ABCDEFGHJKMN', 'QRSTUVWX'] });
  });

  it('refuses an unknown mode or a code too short to be safe', () => {
    expect(() => signupFromEnv({ SETIA_SIGNUP: 'closed' })).toThrow(
      'SETIA_SIGNUP must be first, open or token, got "closed".',
    );
    expect(() => signupFromEnv({ SETIA_SIGNUP: 'token', SETIA_SIGNUP_TOKENS: 'ABC-DEFG' })).toThrow(
      'Each code in SETIA_SIGNUP_TOKENS must be at least 8 letters or digits.',
    );
    // Exactly 8 is enough.
    expect(signupFromEnv({ SETIA_SIGNUP_TOKENS: 'ABCD-EFGH' }).tokens).toEqual(['ABCDEFGH']);
  });
});
