import { createHash } from "node:crypto";
import { csvRecords } from "./csv-records.ts";

export interface CsvDiff {
  changed: boolean;
  /** Data records in the current file and not in the previous one (as a multiset). */
  added: number;
  removed: number;
  addedExamples: string[];
  removedExamples: string[];
  /** False when a file was too large to compare record by record: only `changed` holds. */
  comparedRecords: boolean;
}

export interface DiffOptions {
  /** Records matching this (an export timestamp, say) are left out. */
  ignoreLines?: RegExp | undefined;
  /** @default 3 */
  examples?: number;
  /** Above this many records, only whether the files differ is told. @default 2_000_000 */
  maxRecords?: number;
}

const EXAMPLE_LENGTH = 200;

/**
 * Compares two CSV reports by content: which rows were added and removed, whatever their
 * order. Keeps a hash per distinct row, never the rows themselves, beyond a few examples.
 */
export async function diffCsvFiles(
  previousPath: string,
  currentPath: string,
  options: DiffOptions = {},
): Promise<CsvDiff> {
  const examples = options.examples ?? 3;
  const maxRecords = options.maxRecords ?? 2_000_000;
  const previous = await countRecords(previousPath, options.ignoreLines, maxRecords);
  const counts = previous.counts;
  const addedExamples: string[] = [];
  let added = 0;
  let header: string | undefined;
  let records = 0;
  for await (const record of keptRecords(currentPath, options.ignoreLines)) {
    records++;
    if (header === undefined) {
      header = record;
      continue;
    }
    if (!counts || records > maxRecords) continue;
    const key = hashOf(record);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else {
      added++;
      if (addedExamples.length < examples) addedExamples.push(cut(record));
    }
  }
  if (!counts || records > maxRecords) {
    const same = previous.sha256 === (await normalisedSha256(currentPath, options.ignoreLines));
    return {
      changed: !same,
      added: 0,
      removed: 0,
      addedExamples: [],
      removedExamples: [],
      comparedRecords: false,
    };
  }
  const removedExamples: string[] = [];
  let removed = 0;
  for (const count of counts.values()) removed += count;
  if (removed > 0) {
    let first = true;
    for await (const record of keptRecords(previousPath, options.ignoreLines)) {
      if (first) {
        first = false;
        continue;
      }
      const key = hashOf(record);
      const left = counts.get(key) ?? 0;
      if (left > 0) {
        counts.set(key, left - 1);
        removedExamples.push(cut(record));
        if (removedExamples.length >= examples) break;
      }
    }
  }
  const changed = added > 0 || removed > 0 || header !== previous.header;
  return { changed, added, removed, addedExamples, removedExamples, comparedRecords: true };
}

/** SHA-256 over the records left after `ignoreLines`, line ends and BOM normalised. */
export async function normalisedSha256(path: string, ignoreLines?: RegExp): Promise<string> {
  const hash = createHash("sha256");
  for await (const record of keptRecords(path, ignoreLines)) hash.update(`${record}\n`);
  return hash.digest("hex");
}

async function countRecords(path: string, ignoreLines: RegExp | undefined, maxRecords: number) {
  let counts: Map<string, number> | undefined = new Map();
  let header: string | undefined;
  let records = 0;
  const hash = createHash("sha256");
  for await (const record of keptRecords(path, ignoreLines)) {
    hash.update(`${record}\n`);
    records++;
    if (header === undefined) {
      header = record;
      continue;
    }
    if (counts && records > maxRecords) counts = undefined;
    if (counts) {
      const key = hashOf(record);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return { counts, header, sha256: hash.digest("hex") };
}

async function* keptRecords(path: string, ignoreLines: RegExp | undefined): AsyncGenerator<string> {
  for await (const record of csvRecords(path)) {
    if (!ignoreLines?.test(record)) yield record;
  }
}

function hashOf(record: string): string {
  return createHash("sha1").update(record).digest("base64");
}

function cut(record: string): string {
  const flat = record.replace(/\n/g, "⏎");
  return flat.length > EXAMPLE_LENGTH ? `${flat.slice(0, EXAMPLE_LENGTH - 1)}…` : flat;
}
