import { forEachRecordIn, recordBody } from "./csv-records.ts";

const utf8 = new TextDecoder();

/**
 * Equal bytes, or equal once the records matching `ignore` (an export timestamp, say) are left
 * out. Records are split as everywhere else (csv-records.ts), a UTF-8 BOM is not content, and
 * line ends are normalised, so `commit-ignore-lines` means the same for a commit, a signed
 * commit and the artifact mode's change detection.
 */
export function sameContent(a: Uint8Array, b: Uint8Array, ignore: RegExp | undefined): boolean {
  if (sameBytes(a, b)) return true;
  if (!ignore) return false;
  return keptRecords(a, ignore) === keptRecords(b, ignore);
}

/** Byte-for-byte equality; an absent file equals only another absent file. */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function keptRecords(bytes: Uint8Array, ignore: RegExp): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const records: string[] = [];
  forEachRecordIn(bytes.subarray(start), (record) => {
    const text = utf8.decode(recordBody(record));
    if (!ignore.test(text)) records.push(text);
    return undefined;
  });
  return records.join("\n");
}
