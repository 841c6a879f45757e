/** "New member": validate, normalise the phone with the shop's country, enroll in one transaction. */
import { useState } from 'react';
import { counter } from '../../db/counter-commands';
import { storageErrorKey } from '../../db/health';
import { LedgerRuleError } from '../../db/ledger';
import { PhoneTakenError } from '../../db/members';
import {
  cleanEmail,
  cleanName,
  validateMemberInput,
  type Member,
  type MemberErrors,
  type MemberInput,
} from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { parseMemberQuery } from '../../domain/search';
import { todayIso } from '../../i18n/format';

/** Prefill from what the cashier searched for: digits become the phone, words the name. */
export function inputFromQuery(query: string): MemberInput {
  const q = parseMemberQuery(query);
  return {
    name: q.kind === 'name' ? query.trim() : '',
    phone: q.kind === 'phone' ? query.trim() : '',
    email: '',
    birthday: '',
    marketingConsent: false,
  };
}

export function useEnroll(shop: ShopSettings, query: string, referral = '') {
  const [input, setInput] = useState<MemberInput>(() => inputFromQuery(query));
  const [referralCode, setReferralCode] = useState(referral);
  const [referralError, setReferralError] = useState(false);
  const [errors, setErrors] = useState<MemberErrors>({});
  const [takenBy, setTakenBy] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const change = <K extends keyof MemberInput>(key: K, value: MemberInput[K]) => {
    setInput((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => ({ ...prev, [key]: undefined }));
    if (key === 'phone') setTakenBy(null);
  };

  const submit = async (): Promise<Member | null> => {
    const now = Date.now();
    const found = validateMemberInput(input, todayIso(now));
    let phone: { e164: string; keys: string[] } | null = null;
    if (input.phone.trim()) {
      const { normalisePhone } = await import('../../domain/phone');
      const result = normalisePhone(input.phone, shop.country);
      if (result.ok) phone = result.phone;
      else found.phone = 'phone.invalid';
    }
    setReferralError(false);
    setErrors(found);
    if (Object.keys(found).length > 0) return null;
    setSaving(true);
    setFailed(null);
    try {
      // The referral code names the member who brought this one (their bonus comes with the first stamp).
      return await counter.enrol(
        {
          fields: {
            name: cleanName(input.name),
            phone: phone?.e164 ?? null,
            email: cleanEmail(input.email),
            birthday: input.birthday.trim() || null,
            marketingConsent: input.marketingConsent,
            consentAt: input.marketingConsent ? now : null,
            anonymised: false,
          },
          phoneKeys: phone?.keys ?? [],
          referralCode,
        },
        now,
      );
    } catch (e) {
      if (e instanceof PhoneTakenError) {
        setErrors({ phone: 'phone.taken' });
        setTakenBy(e.memberId);
      } else if (e instanceof LedgerRuleError && e.code === 'referral.unknown')
        setReferralError(true);
      else setFailed(storageErrorKey(e) ?? 'errors.saveFailed');
      return null;
    } finally {
      setSaving(false);
    }
  };

  const changeReferral = (code: string) => {
    setReferralCode(code);
    setReferralError(false);
  };

  return {
    input,
    errors,
    takenBy,
    saving,
    failed,
    change,
    submit,
    referralCode,
    referralError,
    changeReferral,
  };
}
