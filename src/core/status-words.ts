/** Words that plainly say generation failed: waiting on them would only end in a timeout. */
const FAILURE_WORDS = new Set(["failed", "failure", "canceled", "cancelled", "expired", "aborted"]);

/** True for "error" and the other words of failure, in any letter case. */
export function isFailureStatus(status: string): boolean {
  const word = status.toLowerCase();
  return word === "error" || FAILURE_WORDS.has(word);
}

/**
 * The status endpoint is not in Lucca's documentation: these answers to it mean "there is
 * no such endpoint here", and the download endpoint is used as the status signal instead.
 */
export function isStatusEndpointMissing(status: number): boolean {
  return status === 404 || status === 405;
}

/** Refusals of a download that, while the report is generating, mean "not yet". */
const PENDING_REFUSALS = new Set([400, 404, 409, 423, 425]);

export function isPendingRefusal(status: number): boolean {
  return PENDING_REFUSALS.has(status);
}
