import type { RetryInfo } from "./retry.ts";

/**
 * Whether a failed POST may still have been carried out by Lucca: no answer at all (a
 * timeout, a reset, a cut body after the request went out), a 408 (Lucca cuts requests
 * past 5 s, not necessarily the work), or a 500/502/504. A 429 or 503 was turned away.
 */
export function mayHaveBeenProcessed(info: Pick<RetryInfo, "status">): boolean {
  const { status } = info;
  return (
    status === undefined || status === 408 || status === 500 || status === 502 || status === 504
  );
}

/** The warning after a create that succeeded only once retried past an ambiguous failure. */
export function duplicateWarning(reasons: readonly string[], reportId: string): string {
  return (
    `POST /reports was retried after ${reasons.join("; ")}: Lucca may have created a duplicate report. ` +
    `Report id used: ${reportId}; an earlier attempt's report, if any, was never seen (look for it in the Lucca UI).`
  );
}
