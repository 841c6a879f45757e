/**
 * The CSV work, off the main thread so the screen never freezes: the export
 * reads the local database page by page and builds the file; the import
 * decodes, parses and checks the file, then writes it in one transaction.
 * The worker opens the database itself (IndexedDB works in workers).
 */
import { shopYearCounts } from '../../db/member-events';
import { getShop } from '../../db/settings';
import { memberTier } from '../../domain/members-list';
import {
  forEachEventPage,
  forEachMemberPage,
  findClashes,
  importMembers,
  memberNames,
} from '../../db/csv';
import { SetiaDB } from '../../db/schema';
import { BOM, toCsv } from '../../domain/csv';
import { decodeCsv, MAX_CSV_BYTES, parseCsv } from '../../domain/csv-read';
import {
  checkImportRows,
  eventRow,
  exportFileName,
  guessMapping,
  LEDGER_COLUMNS,
  memberRow,
  MEMBER_COLUMNS,
  type ImportCheck,
  type ImportContext,
  type ImportTarget,
} from '../../domain/member-csv';
import type { ExportKind, FromWorker, ToWorker } from './protocol';

/** More rows than this is not a shop's member list. */
export const MAX_IMPORT_ROWS = 200_000;
const PAGE = 5000;

const post = (message: FromWorker) => self.postMessage(message);
let db: SetiaDB | null = null;
const database = () => (db ??= new SetiaDB());

/** The file being imported, kept between the steps (read → check → import). */
let file: { rows: string[][]; ctx: ImportContext } | null = null;
let lastCheck: { mapping: string; check: ImportCheck } | null = null;

/** The file's rows checked with this mapping (kept: the import reuses the preview's check). */
function checkRows(mapping: ImportTarget[]): ImportCheck {
  const key = mapping.join();
  if (lastCheck?.mapping !== key)
    lastCheck = { mapping: key, check: checkImportRows(file!.rows, mapping, file!.ctx) };
  return lastCheck.check;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  void handle(e.data).catch((error: unknown) =>
    post({
      type: 'failed',
      message: error instanceof Error ? error.name || error.message : String(error),
    }),
  );
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'export':
      return exportCsv(message.kind, message.today);
    case 'read':
      return read(message.file, message.ctx);
    case 'check': {
      if (!file) return;
      const check = await fullCheck(message.mapping);
      post({
        type: 'checked',
        report: {
          valid: check.members.length,
          withStamps: check.members.filter((m) => m.stamps !== 0).length,
          problems: check.problems,
        },
      });
      return;
    }
    case 'import': {
      if (!file) return;
      // The file's own check is kept from the preview; clashes with members here are
      // looked for again inside the import's transaction.
      const check = checkRows(message.mapping);
      const result = await importMembers(database(), check.members, message);
      post({
        type: 'imported',
        imported: result.imported,
        problems: [...check.problems, ...result.clashes].sort((a, b) => a.row - b.row),
      });
      file = null;
      return;
    }
  }
}

async function exportCsv(kind: ExportKind, today: string): Promise<void> {
  const parts: string[] = [BOM];
  let done = 0;
  const started = performance.now();
  let buildMs = 0;
  if (kind === 'members') {
    const tiers = (await getShop(database()))?.program?.tiers ?? [];
    const now = Date.now();
    const lastYear = tiers.length > 0 ? await shopYearCounts(database(), now) : new Map();
    parts.push(toCsv([[...MEMBER_COLUMNS]]));
    await forEachMemberPage(database(), PAGE, (page, total) => {
      const t0 = performance.now();
      // A merged duplicate is not a member any more (its stamps moved to the kept member).
      const rows = page
        .filter((m) => !m.mergedInto)
        .map((m) => memberRow(m, memberTier(tiers, lastYear.get(m.id))?.name ?? null));
      parts.push(toCsv(rows));
      buildMs += performance.now() - t0;
      done += page.length;
      post({ type: 'progress', done, total });
    });
  } else {
    const names = await memberNames(database());
    parts.push(toCsv([[...LEDGER_COLUMNS]]));
    await forEachEventPage(database(), PAGE, (page, total) => {
      parts.push(toCsv(page.map((e) => eventRow(e, names.get(e.memberId) ?? ''))));
      done += page.length;
      post({ type: 'progress', done, total: Math.max(total, done) });
    });
  }
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  const timing = { workerMs: performance.now() - started, buildMs };
  post({ type: 'exported', blob, fileName: exportFileName(kind, today), count: done, timing });
}

async function read(picked: File, ctx: ImportContext): Promise<void> {
  file = null;
  lastCheck = null;
  let bytes: Uint8Array;
  try {
    // Refuse a huge file before reading it into memory.
    if (picked.size > MAX_CSV_BYTES) return post({ type: 'failed', fileError: 'tooLarge' });
    bytes = new Uint8Array(await picked.arrayBuffer());
  } catch {
    return post({ type: 'failed', fileError: 'unreadable' });
  }
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return post({ type: 'failed', fileError: decoded.error });
  const { rows, delimiter } = parseCsv(decoded.text);
  if (rows.length < 2) return post({ type: 'failed', fileError: 'noRows' });
  if (rows.length - 1 > MAX_IMPORT_ROWS) return post({ type: 'failed', fileError: 'tooManyRows' });
  file = { rows, ctx };
  const headers = rows[0]!;
  post({
    type: 'read',
    preview: {
      headers,
      mapping: guessMapping(headers),
      rowCount: rows.length - 1,
      encoding: decoded.encoding,
      delimiter,
      sample: rows.slice(1, 6),
    },
  });
}

/** The file's rows checked with this mapping, and against the members already here. */
async function fullCheck(mapping: ImportTarget[]): Promise<ImportCheck> {
  const check = checkRows(mapping);
  const clashes = await findClashes(database(), check.members);
  const clashing = new Set(clashes.map((c) => c.row));
  return {
    members: check.members.filter((m) => !clashing.has(m.row)),
    problems: [...check.problems, ...clashes].sort((a, b) => a.row - b.row),
  };
}
