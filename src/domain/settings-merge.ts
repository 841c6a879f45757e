/**
 * The shop's settings merge like a member's fields: setting by setting, the
 * edit with the later hybrid clock wins, so two tablets that changed different
 * settings offline both keep their edit. Generic over the setting names: a new
 * setting merges without code here knowing it.
 */

/** Never changed after setup (and never by sync): the shop's identity and card key. */
export const FIXED_SETTING_NAMES: readonly string[] = ['shopId', 'cardKey', 'createdAt'];

/**
 * Lists of records with ids that only grow (the owner's campaigns): two owner
 * devices adding one each offline must both keep both, so they merge as a union
 * by id (the later edit wins for the same id) instead of latest-wins.
 */
export const UNION_SETTING_NAMES: readonly string[] = ['campaigns'];

/** The union of two lists by id, or null when `incoming` adds or changes nothing. */
function unionById(current: unknown, incoming: unknown, incomingWins: boolean): unknown[] | null {
  if (!Array.isArray(incoming)) return null;
  const held = Array.isArray(current) ? (current as { id: string }[]) : [];
  const byId = new Map(held.map((r) => [r.id, r]));
  let changed = false;
  for (const r of incoming as { id: string }[]) {
    const mine = byId.get(r.id);
    if (mine === undefined || (incomingWins && JSON.stringify(mine) !== JSON.stringify(r))) {
      byId.set(r.id, r);
      changed = true;
    }
  }
  // By id (ULIDs: the order they were made), so every device ends with the same list.
  return changed
    ? [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : null;
}

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
    if (UNION_SETTING_NAMES.includes(name)) {
      const union = unionById(next[name], value, clocks[name] === undefined || clocks[name] < hlc);
      if (union === null) continue;
      next[name] = union;
      if (clocks[name] === undefined || clocks[name] < hlc) nextClocks[name] = hlc;
      changed.push(name);
      continue;
    }
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
