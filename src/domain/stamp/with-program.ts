/**
 * What the counter's commands need from a shop's program, loaded as one chunk
 * by src/db/counter.ts only when the shop runs a program, a catalogue or a
 * club: the counter's first load carries none of it.
 */
export { decideCatalogueReward, givenCount } from './catalogue';
export { decideClubSale } from './club';
export { cleanReferralCode, REFERRAL_CODE_LENGTH, referralCode, referrerToRead } from './referral';
export { decideStamp } from './stamp';
