/** Owner → Messages' writes on the app's database (loaded with the Messages screen only). */
import { onAppDb } from './db';
import * as messages from './messages';

export const saveCampaign = onAppDb(messages.saveCampaign);
export const recordSend = onAppDb(messages.recordSend);
