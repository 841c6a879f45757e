/**
 * The owner area's reads and changes that only it loads (staff, a member's page,
 * duplicates): the db functions of the same names, with the app's database given.
 */
import { onAppDb } from './db';
import * as duplicates from './duplicates';
import * as memberEvents from './member-events';
import * as ownerLedger from './owner-ledger';
import * as ownerMembers from './owner-members';
import * as staff from './staff';

export const addStaffMember = onAppDb(staff.addStaffMember);
export const setStaffActive = onAppDb(staff.setStaffActive);
export const addAdjustment = onAppDb(ownerLedger.addAdjustment);
export const resolveConflict = onAppDb(ownerLedger.resolveConflict);
export const packedMemberEvents = onAppDb(ownerLedger.packedMemberEvents);
export const anonymiseMember = onAppDb(ownerMembers.anonymiseMember);
export const membersPage = onAppDb(ownerMembers.membersPage);
export const shopYearCounts = onAppDb(memberEvents.shopYearCounts);
export const watchMemberCount = onAppDb(ownerMembers.watchMemberCount);
export const mergeDuplicate = onAppDb(duplicates.mergeDuplicate);
export const moveLeftoverStamps = onAppDb(duplicates.moveLeftoverStamps);
