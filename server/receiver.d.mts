// Types for server/receiver.mjs (used by test/node/receiver.test.ts).
import type {IncomingMessage, ServerResponse} from 'node:http';

export interface FieldError {
  field: string;
  message: string;
}

export interface ReceiverOptions {
  /** SQLite file; default var/help-requests.sqlite (':memory:' in tests). */
  dbFile?: string;
  /** The help-request JSON Schema: a path or the parsed object; default dist/schema/help-request.schema.json. */
  schema?: string | object;
  /** Staff token for export and delete; unset: both answer 404. */
  exportToken?: string;
  /** CORS origins, comma-separated or a list. */
  allowedOrigins?: string | string[];
  maxBodyBytes?: number;
  /** Per client IP; 0 turns the limit off. */
  ratePerMinute?: number;
  trustProxy?: boolean;
  receiptPrefix?: string;
  basePath?: string;
  log?: (line: string) => void;
  now?: () => number;
}

/** The part of better-sqlite3's Database the tests use (no @types package is installed). */
export interface Database {
  prepare(sql: string): {
    get(...params: unknown[]): Record<string, unknown> | undefined;
    all(...params: unknown[]): Record<string, unknown>[];
    run(...params: unknown[]): {changes: number};
  };
  pragma(source: string, options?: {simple?: boolean}): unknown;
  readonly open: boolean;
}

export interface Receiver {
  /** Answers the receiver's paths; resolves to false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  db: Database;
  close(): void;
}

export const DEFAULT_SCHEMA: string;
export const DEFAULT_DB: string;
export const MAX_BODY_BYTES: number;
export const RATE_PER_MINUTE: number;
export function optionsFromEnv(env?: Record<string, string | undefined>): ReceiverOptions;
export function createValidator(schema?: string | object): (body: unknown) => FieldError[];
export function fieldErrors(errors: object[]): FieldError[];
export function csvCell(value: unknown): string;
export function createReceiver(options?: ReceiverOptions): Receiver;
export function main(argv?: string[], env?: Record<string, string | undefined>): Promise<{server: import('node:http').Server; receiver: Receiver; close(): void}>;
