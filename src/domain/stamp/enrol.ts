/**
 * "Save member": a new member, with the program's welcome stamps and the friend
 * who referred them. The form's own checks (a name, a valid phone…) come first,
 * in domain/member.ts; this decides what only the shop's data can say.
 */
import type { EventDraft } from '../ledger';
import type { MemberFields } from '../member';
import { DEFAULT_STAFF_ID } from '../shop';
import { nameWords } from '../text';
import { refuse, type Moment, type Refusal } from './decision';
import type { ProgramRules } from './rules';

export interface EnrolInput {
  /** The new member's id, made by the caller (ids are random). */
  memberId: string;
  fields: MemberFields;
  /** Search keys of the normalised phone (domain/phone.ts). */
  phoneKeys: string[];
  /** A referral code typed at the counter or carried by a friend's link; empty = none. */
  referralCode?: string;
}

/** What the tablet knows that bears on the new member. */
export interface EnrolStanding {
  /** The member who already holds this phone, if any. */
  phoneHolder?: { id: string };
  /** The member the referral code names, if a code was given and someone has it. */
  referrer?: { id: string };
}

/** The new member's fields (as sync will send them), row (without clocks and stats) and events. */
export interface Enrolment {
  fields: MemberFields;
  member: MemberFields & { id: string; joinedAt: number; nameWords: string[]; phoneKeys: string[] };
  events: EventDraft[];
}

export function decideEnrol(
  standing: EnrolStanding,
  rules: ProgramRules | undefined,
  input: EnrolInput,
  moment: Moment,
): Enrolment | Refusal {
  if (input.referralCode?.trim() && !standing.referrer) return refuse('referral.unknown');
  if (standing.phoneHolder) return refuse('phone.taken', { memberId: standing.phoneHolder.id });
  const fields: MemberFields = {
    ...input.fields,
    ...(standing.referrer ? { referredBy: standing.referrer.id } : {}),
  };
  const welcome = rules?.welcomeStamps ?? 0;
  return {
    fields,
    member: {
      id: input.memberId,
      ...fields,
      joinedAt: moment.at,
      nameWords: nameWords(fields.name),
      phoneKeys: input.phoneKeys,
    },
    events:
      welcome > 0
        ? [
            {
              memberId: input.memberId,
              type: 'bonus',
              stamps: welcome,
              lines: [{ rule: 'welcome', stamps: welcome }],
              at: moment.at,
              // The shop's gift on joining, recorded as the owner's rather than a cashier's.
              staffId: DEFAULT_STAFF_ID,
            },
          ]
        : [],
  };
}
