/**
 * validateRules() per field, so the owner's form can put each message next to
 * the field it is about: each part of the rules is checked on its own.
 */
import { DEFAULT_RULES, validateRules, type ProgramRules, type RulesError } from './stamp/rules';

export type RuleFieldErrors = Record<string, RulesError>;

export function ruleFieldErrors(rules: ProgramRules): RuleFieldErrors {
  const out: RuleFieldErrors = {};
  const check = (field: string, patch: Partial<ProgramRules>) => {
    const [first] = validateRules({ ...DEFAULT_RULES, ...patch });
    if (first) out[field] = first;
  };
  const earning = rules.earning;
  if (earning.mode === 'amount') check('amountPerStamp', { earning });
  if (earning.mode === 'item') check('stampsPerItem', { earning });
  check('welcomeStamps', { welcomeStamps: rules.welcomeStamps });
  check('birthday.stamps', {
    birthday: { ...DEFAULT_RULES.birthday, stamps: rules.birthday.stamps },
  });
  check('birthday.windowDays', {
    birthday: { stamps: 0, windowDays: rules.birthday.windowDays },
  });
  check('referral', { referral: rules.referral });
  check('feedback', { feedback: rules.feedback });
  check('cooldown', { cooldown: rules.cooldown });
  check('maxStampsPerVisit', { maxStampsPerVisit: rules.maxStampsPerVisit });
  rules.promotions.forEach((p, i) => {
    check(`promotions.${i}.name`, { promotions: [{ ...p, multiplier: 1, from: null, to: null }] });
    check(`promotions.${i}.multiplier`, {
      promotions: [{ ...p, name: 'x', from: null, to: null }],
    });
    check(`promotions.${i}.to`, { promotions: [{ ...p, name: 'x', multiplier: 1 }] });
  });
  rules.tiers.forEach((tier, i) => {
    check(`tiers.${i}.name`, { tiers: [{ ...tier, threshold: 1, multiplier: 1 }] });
    check(`tiers.${i}.threshold`, { tiers: [{ ...tier, name: 'x', multiplier: 1 }] });
    check(`tiers.${i}.multiplier`, { tiers: [{ ...tier, name: 'x', threshold: 1 }] });
  });
  return out;
}
