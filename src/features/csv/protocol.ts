/** Messages between the owner's CSV screens and the CSV worker (export and import run there). */
import type { Encoding } from '../../domain/csv-read';
import type { ImportContext, ImportTarget, RowProblem } from '../../domain/member-csv';

export type ExportKind = 'members' | 'ledger';

export type ToWorker =
  | { type: 'export'; kind: ExportKind; today: string }
  | { type: 'read'; file: File; ctx: ImportContext }
  | { type: 'check'; mapping: ImportTarget[] }
  | { type: 'import'; mapping: ImportTarget[]; now: number; staffId: string; reason: string };

/** Why a file cannot be read at all (an i18n key under csv.import.fileError). */
export type FileError = 'empty' | 'tooLarge' | 'binary' | 'noRows' | 'tooManyRows' | 'unreadable';

export interface FilePreview {
  headers: string[];
  mapping: ImportTarget[];
  /** Data rows (the header excluded). */
  rowCount: number;
  encoding: Encoding;
  delimiter: string;
  /** The first data rows, for the mapping screen. */
  sample: string[][];
}

export interface CheckReport {
  /** Rows that will be imported. */
  valid: number;
  /** Of those, rows that carry stamps over. */
  withStamps: number;
  problems: RowProblem[];
}

export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | {
      type: 'exported';
      blob: Blob;
      fileName: string;
      count: number;
      /** In the worker: all of it, and building the CSV text (the rest is reading the database). */
      timing: { workerMs: number; buildMs: number };
    }
  | { type: 'read'; preview: FilePreview }
  | { type: 'checked'; report: CheckReport }
  | { type: 'imported'; imported: number; problems: RowProblem[] }
  | { type: 'failed'; fileError?: FileError; message?: string };
