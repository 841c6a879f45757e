/**
 * What screens (other than the counter's and sync's) change in the app's database,
 * through functions the counter already loads: the db functions of the same
 * names, with the app's database given. The owner area's own are in owner-actions.ts.
 */
import { onAppDb } from './db';
import * as currentStaff from './current-staff';
import * as members from './members';
import * as settings from './settings';

export const createShop = onAppDb(settings.createShop);
export const updateShop = onAppDb(settings.updateShop);
export const recordExport = onAppDb(settings.recordExport);
export const setCurrentStaff = onAppDb(currentStaff.setCurrentStaff);
export const updateMember = onAppDb(members.updateMember);
