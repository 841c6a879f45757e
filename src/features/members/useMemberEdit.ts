/** Editing a member's details: the counter's rules (domain/member.ts), only changed fields saved. */
import { useState } from 'react';
import { storageErrorKey } from '../../db/health';
import { updateMember } from '../../db/actions';
import { PhoneTakenError } from '../../db/members';
import {
  cleanEmail,
  cleanName,
  validateMemberInput,
  type Member,
  type MemberErrors,
  type MemberFields,
  type MemberInput,
} from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { todayIso } from '../../i18n/format';

export function inputOf(member: Member): MemberInput {
  return {
    name: member.name,
    phone: member.phone ?? '',
    email: member.email ?? '',
    birthday: member.birthday ?? '',
    marketingConsent: member.marketingConsent,
  };
}

export function useMemberEdit(member: Member, shop: ShopSettings) {
  const [input, setInput] = useState<MemberInput>(() => inputOf(member));
  const [errors, setErrors] = useState<MemberErrors>({});
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const change = <K extends keyof MemberInput>(key: K, value: MemberInput[K]) => {
    setInput((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => ({ ...prev, [key]: undefined }));
    setSaved(false);
  };

  const submit = async (): Promise<boolean> => {
    const now = Date.now();
    const found = validateMemberInput(input, todayIso(now));
    let phone: { e164: string; keys: string[] } | null = null;
    if (input.phone.trim()) {
      const { normalisePhone } = await import('../../domain/phone');
      const result = normalisePhone(input.phone, shop.country);
      if (result.ok) phone = result.phone;
      else found.phone = 'phone.invalid';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return false;

    const next: Partial<MemberFields> = {
      name: cleanName(input.name),
      phone: phone?.e164 ?? null,
      email: cleanEmail(input.email),
      birthday: input.birthday.trim() || null,
      marketingConsent: input.marketingConsent,
    };
    // Only what changed travels (each field merges on its own across tablets).
    const fields = Object.fromEntries(
      Object.entries(next).filter(([k, v]) => member[k as keyof MemberFields] !== v),
    ) as Partial<MemberFields>;
    if ('marketingConsent' in fields) fields.consentAt = now;
    if (Object.keys(fields).length === 0) {
      setSaved(true);
      return true;
    }
    setSaving(true);
    setFailed(null);
    try {
      await updateMember(member.id, fields, phone?.keys, now);
      setSaved(true);
      return true;
    } catch (e) {
      if (e instanceof PhoneTakenError) setErrors({ phone: 'phone.taken' });
      else setFailed(storageErrorKey(e) ?? 'errors.saveFailed');
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { input, errors, saving, failed, saved, change, submit };
}
