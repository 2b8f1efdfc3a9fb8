import type { DoctorProfile, DoctorStep } from "./doctor-profile.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The profile as a checklist a person reads top to bottom: the first failure says where. */
export function doctorChecklist(
  profile: DoctorProfile,
  failure: { message: string } | undefined,
): DoctorStep[] {
  const steps: DoctorStep[] = [];
  const step = (name: string, state: DoctorStep["state"], detail: string) =>
    steps.push({ name, state, detail });

  step(
    "API key",
    profile.keyAccepted === null ? "not reached" : profile.keyAccepted ? "ok" : "failed",
    profile.keyAccepted === false
      ? "Lucca answered 401 (or sent a login page): the key is not accepted"
      : profile.keyAccepted
        ? "accepted"
        : "no answer from Lucca",
  );
  const create = profile.create;
  step(
    "Template and report creation",
    profile.templateReachable === null
      ? create
        ? "failed"
        : "not reached"
      : profile.templateReachable
        ? "ok"
        : "failed",
    create
      ? `POST answered ${create.status}; envelope ${create.envelope}; id ${create.idType ?? "not seen"}`
      : "no report created",
  );
  const range = profile.rangeSent;
  if (range) {
    step(
      "Range sent",
      "info",
      `startsOn ${range.startsOn ?? "null"}, endsOn ${range.endsOn ?? "null"} (end date ${range.convention})`,
    );
  }
  const path = profile.statusPath;
  step(
    "Status",
    profile.statusSignal === null ? (path ? "failed" : "not reached") : "ok",
    [
      path ? `${path.path} answered ${path.statuses.join(", ")}` : "status endpoint not called",
      profile.statusSignal === "download"
        ? "the download endpoint served as the status signal"
        : "",
      profile.statusWords.length > 0 ? `words seen: ${profile.statusWords.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; "),
  );
  step(
    "Generation",
    profile.timeToDoneMs === null ? (failure ? "failed" : "not reached") : "ok",
    profile.timeToDoneMs === null
      ? "the report was not seen done"
      : `done after ${seconds(profile.timeToDoneMs)} (${count(profile.statusChecks, "status check")})`,
  );
  const download = profile.download;
  step(
    "Download",
    download === null
      ? "not reached"
      : download.status >= 200 && download.status < 300 && !failure
        ? "ok"
        : "failed",
    download
      ? [
          `answered ${download.status}`,
          `redirect: ${download.redirect}`,
          `Content-Type: ${download.contentType ?? "none"}`,
          `Content-Disposition: ${download.contentDisposition ?? "none"}`,
          `Content-Length: ${download.contentLength ? "sent" : "not sent"}`,
          download.refusals.length > 0 ? `refused before: ${download.refusals.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join("; ")
      : "not attempted",
  );
  const file = profile.file;
  if (file) {
    step(
      "File",
      "ok",
      [
        `encoding ${file.encoding}${file.bom ? " with BOM" : ""}`,
        `delimiter ${file.delimiter === null ? "not found" : JSON.stringify(file.delimiter)}`,
        `line ends ${file.lineEnding ?? "none"}`,
        `decimal separator ${file.decimalSeparator === null ? "not seen" : JSON.stringify(file.decimalSeparator)}`,
        count(file.columns, "column"),
      ].join("; "),
    );
  }
  step(
    "Rate limit",
    "info",
    [
      profile.rateLimitHeaders.length > 0
        ? `headers: ${profile.rateLimitHeaders.join(", ")}`
        : "no rate-limit headers seen",
      profile.throttled > 0
        ? `${count(profile.throttled, "answer")} 429, Retry-After ${profile.retryAfterSeen ? "sent" : "not sent"}`
        : "",
      `${count(profile.requests, "request")} in all`,
    ]
      .filter(Boolean)
      .join("; "),
  );
  if (failure) step("Result", "failed", failure.message);
  return oneCauseOneFailure(steps, profile);
}

/**
 * A refused key stops everything after it: the steps that would read as failed did not run,
 * so one cause shows one ✘ (and the Result saying why).
 */
function oneCauseOneFailure(steps: DoctorStep[], profile: DoctorProfile): DoctorStep[] {
  if (profile.keyAccepted !== false) return steps;
  return steps.map((step, index) =>
    index > 0 && step.state === "failed" && step.name !== "Result"
      ? { ...step, state: "not reached", detail: `stopped by the refused key (${step.detail})` }
      : step,
  );
}

/** "1 request", "3 requests". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
