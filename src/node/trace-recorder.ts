import type { FetchLike } from "../core/http.ts";
import { type TraceRecord, tracingFetch } from "../core/trace.ts";

/** Exchanges kept for one run: a run makes a few hundred requests at most. */
const MAX_RECORDS = 5000;

export interface TraceRecorder {
  fetch: FetchLike;
  records: TraceRecord[];
  /** One JSON object per line, newline-terminated. */
  jsonLines(): string;
}

/** Records every exchange made through `fetch`, for --trace, `trace: true` and doctor. */
export function recordTrace(fetch: FetchLike, apiKey: string, now?: () => number): TraceRecorder {
  const records: TraceRecord[] = [];
  return {
    fetch: tracingFetch(fetch, {
      secrets: [apiKey],
      now,
      write: (record) => {
        if (records.length < MAX_RECORDS) records.push(record);
      },
    }),
    records,
    jsonLines: () => records.map((record) => `${JSON.stringify(record)}\n`).join(""),
  };
}
