/** Field delimiters a Lucca CSV may use, by the API user's culture. */
export const DELIMITERS = [";", ",", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter of a header line: the candidate seen most often outside quotes, or null. */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts = new Map<Delimiter, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }
  let best: Delimiter | null = null;
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0)))
      best = delimiter;
  }
  return best;
}

/**
 * Parses up to `maxRecords` records of RFC 4180 CSV: quoted fields may hold the delimiter,
 * line breaks and doubled quotes; records end with CRLF, LF or CR; blank lines are skipped.
 */
export function parseCsvRecords(
  text: string,
  delimiter: string | null,
  maxRecords: number,
): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    if (record.length > 0 || fieldStarted || field !== "") {
      endField();
      records.push(record);
    }
    record = [];
  };
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      fieldStarted = true;
      endField();
      fieldStarted = true;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (records.length < maxRecords) endRecord();
  return records;
}
