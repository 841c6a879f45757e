/**
 * The shop's settings merge like a member's fields: setting by setting, the
 * edit with the later hybrid clock wins, so two tablets that changed different
 * settings offline both keep their edit. Generic over the setting names: a new
 * setting merges without code here knowing it.
 */

/** Never changed after setup (and never by sync): the shop's identity and card key. */
export const FIXED_SETTING_NAMES: readonly string[] = ['shopId', 'cardKey', 'createdAt'];

/** Per setting, the clock of the edit it holds. */
export type SettingClocks = Record<string, string>;

export function mergeSettings<T extends object>(
  settings: T,
  clocks: SettingClocks,
  fields: Partial<T>,
  hlc: string,
): { settings: T; clocks: SettingClocks; changed: string[] } {
  const next = { ...settings } as Record<string, unknown>;
  const nextClocks = { ...clocks };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (FIXED_SETTING_NAMES.includes(name) || value === undefined) continue;
    const current = clocks[name];
    if (current !== undefined && current >= hlc) continue;
    next[name] = value;
    nextClocks[name] = hlc;
    changed.push(name);
  }
  return { settings: next as T, clocks: nextClocks, changed };
}

/** Pending edits grouped by their clock: one settings change per clock, as sync sends them. */
export function changesByClock<T extends object>(
  settings: T,
  clocks: SettingClocks,
  names: readonly string[],
): { hlc: string; fields: Partial<T> }[] {
  const groups = new Map<string, Record<string, unknown>>();
  for (const name of names) {
    const hlc = clocks[name];
    const value = (settings as Record<string, unknown>)[name];
    if (hlc === undefined || value === undefined || FIXED_SETTING_NAMES.includes(name)) continue;
    const fields = groups.get(hlc) ?? {};
    fields[name] = value;
    groups.set(hlc, fields);
  }
  return [...groups].map(([hlc, fields]) => ({ hlc, fields: fields as Partial<T> }));
}

/** Several edits in a row (a push, a pulled page): the settings and clocks after all of them. */
export function mergeSettingsChanges<S extends object>(
  settings: S,
  clocks: SettingClocks,
  changes: readonly { hlc: string; fields: Partial<S> }[],
): { settings: S; clocks: SettingClocks; changed: boolean } {
  let changed = false;
  for (const change of changes) {
    const merged = mergeSettings(settings, clocks, change.fields, change.hlc);
    settings = merged.settings;
    clocks = merged.clocks;
    changed ||= merged.changed.length > 0;
  }
  return { settings, clocks, changed };
}
