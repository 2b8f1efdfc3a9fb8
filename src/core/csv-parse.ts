/** Field delimiters a Lucca CSV may use, by the API user's culture. */
export const DELIMITERS = [";", ",", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter of a header line: the candidate seen most often outside quotes, or null. */
export function detectDelimiter(headerLine: string): Delimiter | null {
  // Every character outside quotes is counted; only the delimiters' counts are read.
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter | null = null;
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

/** The header record's text: up to the first line break outside quotes. */
export function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) return text.slice(0, i);
  }
  return text;
}

/**
 * The fields of one record (as split by csv-records.ts, without its line end), RFC 4180 style:
 * a quoted field may hold the delimiter, line breaks and doubled quotes.
 */
export function parseCsvFields(record: string, delimiter: string | null): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i] as string;
    if (quoted) {
      if (char !== '"') field += char;
      else if (record[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === "") {
      quoted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Parses up to `maxRecords` records of decoded CSV text (the preview, whatever the file's
 * encoding) by csv-records.ts's rule: a record ends at LF outside quotes, a CR before it
 * belongs to the line end, a bare CR is data, and a record of nothing but CRs is skipped.
 */
export function parseCsvRecords(
  text: string,
  delimiter: string | null,
  maxRecords: number,
): string[][] {
  const records: string[][] = [];
  let start = 0;
  let quoted = false;
  const take = (end: number) => {
    const record = text.slice(start, end).replace(/\r$/, "");
    if (!/^\r*$/.test(record)) records.push(parseCsvFields(record, delimiter));
  };
  // Stryker disable next-line EqualityOperator: `i <= text.length` is equivalent
  // text[length] is undefined and matches nothing.
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === "\n" && !quoted) {
      take(i);
      start = i + 1;
    }
  }
  // An empty rest is a blank record, which take() skips.
  if (records.length < maxRecords) take(text.length);
  return records;
}
