/**
 * Live reads for the screens (other than the counter's and sync's): each hook
 * re-renders its component when what it read changes, and is undefined while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { currentStaffId } from './current-staff';
import { db } from './db';
import { getDevice } from './device';
import { duplicatesForOwner } from './duplicates';
import { memberEvents } from './ledger';
import { membersInConflict } from './owner-ledger';
import { getMember } from './members';
import { getLastExportAt } from './settings';

/** A member, or null if there is none with this id. */
export const useMember = (id: string) =>
  useLiveQuery(async () => (await getMember(db, id)) ?? null, [id]);

/** A member's ledger events, as the tablet holds them (see packedMemberEvents for joined history). */
export const useMemberEvents = (memberId: string) =>
  useLiveQuery(() => memberEvents(db, memberId), [memberId]);

/** Who this tablet's actions are recorded as. */
export const useCurrentStaffId = () => useLiveQuery(() => currentStaffId(db), []);

/** This tablet's own id and counters (undefined before its first action). */
export const useThisDevice = () => useLiveQuery(() => getDevice(db), []);

/** When the members were last exported to CSV (ms), or null. */
export const useLastExportAt = () => useLiveQuery(() => getLastExportAt(db), []);

export const useMembersInConflict = () => useLiveQuery(() => membersInConflict(db), []);

/** Members sharing a phone, and merged members that got stamps since. */
export const useDuplicates = () => useLiveQuery(() => duplicatesForOwner(db), []);
