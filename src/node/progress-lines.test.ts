import { describe, expect, it } from "vitest";
import type { JobEvent } from "../core/job-events.ts";
import { nextPollDelay } from "../core/poll.ts";
import { progressLines, reportProgress } from "./progress-lines.ts";

function pendingChecks(count: number): JobEvent[] {
  const events: JobEvent[] = [];
  let elapsedMs = 0;
  for (let polls = 0; polls < count; polls++) {
    const nextCheckMs = nextPollDelay(polls, {
      intervalMs: 1000,
      maxIntervalMs: 8000, // the default max-poll-interval
      random: () => 0.5,
    });
    events.push({
      type: "status",
      reportId: "7",
      status: "pending",
      changed: polls === 0,
      polls,
      elapsedMs,
      nextCheckMs,
    });
    elapsedMs += nextCheckMs;
  }
  return events;
}

describe("progressLines", () => {
  it("prints a pending report at least every 20 s, not at every check", () => {
    const lines = progressLines({ verbose: false });
    const events = pendingChecks(40);
    const printedAt = events
      .filter((event) => lines(event) !== undefined)
      .map((event) => (event.type === "status" ? event.elapsedMs : 0));
    expect(printedAt.length).toBeLessThan(events.length / 2);
    const last = events.at(-1);
    const end = last?.type === "status" ? last.elapsedMs : 0;
    for (const [index, at] of [...printedAt, end].entries()) {
      if (index > 0) expect(at - (printedAt[index - 1] ?? 0)).toBeLessThanOrEqual(20_000);
    }
  });

  it("prints every status change and the final status", () => {
    const lines = progressLines({ verbose: false });
    expect(
      lines({
        type: "status",
        reportId: "7",
        status: "pending",
        changed: true,
        polls: 0,
        elapsedMs: 0,
        nextCheckMs: 1000,
      }),
    ).toBe("Report 7: pending; next check in 1.0s");
    expect(
      lines({
        type: "status",
        reportId: "7",
        status: "pending",
        changed: false,
        polls: 1,
        elapsedMs: 1000,
        nextCheckMs: 1500,
      }),
    ).toBeUndefined();
    expect(
      lines({
        type: "status",
        reportId: "7",
        status: "done",
        changed: true,
        polls: 2,
        elapsedMs: 2500,
        nextCheckMs: undefined,
      }),
    ).toBe("Report 7: done after 2.5s (2 checks)");
  });

  it("prints every check when verbose", () => {
    const lines = progressLines({ verbose: true });
    expect(pendingChecks(10).every((event) => lines(event) !== undefined)).toBe(true);
  });
});

describe("progressLines with hostile values", () => {
  const hostile = "77\n::set-output name=path::/etc/passwd";
  const status = "pending\n::error title=Forged::hi";
  const events: JobEvent[] = [
    {
      type: "creating",
      templateId: "::add-mask::x",
      startsOn: "\n::x",
      endsOn: null,
      sent: { startsOn: "\n::x", endsOn: null, convention: "inclusive" },
      attempt: 1,
    },
    { type: "created", reportId: hostile, attempt: 1 },
    { type: "resuming", reportId: "::stop-commands::tok" },
    {
      type: "status",
      reportId: hostile,
      status,
      changed: true,
      polls: 0,
      elapsedMs: 0,
      nextCheckMs: 1,
    },
    { type: "regenerating", failedReportId: hostile, attempt: 2, maxAttempts: 2 },
    { type: "downloading", reportId: hostile, format: "csv\n::x" },
    { type: "retrying", method: "GET", url: "u\r::x", attempt: 1, delayMs: 1, reason: status },
    { type: "warning", message: status },
    { type: "downloaded", path: `/tmp/${hostile}`, bytes: 1 },
  ];

  it.each(events.map((event) => [event.type, event] as const))(
    "a %s line stays one line and starts no workflow command",
    (_type, event) => {
      const line = progressLines({ verbose: true })(event) ?? "";
      expect(line).not.toBe("");
      expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(line).not.toMatch(/^\s*::/m);
    },
  );
});

describe("reportProgress", () => {
  const october = { startsOn: "2026-10-01", endsOn: "2026-10-31" };
  const created = (reportId: string): JobEvent => ({ type: "created", reportId, attempt: 1 });

  it("labels each line with its report only when the run has several", () => {
    const a = { templateId: "42", period: october };
    const b = { templateId: "43", period: october };
    expect(reportProgress([a], { verbose: false })(a, created("7"))).toBe(
      "Report 7 created; Lucca is generating it",
    );
    const several = reportProgress([a, b], { verbose: false });
    expect(several(b, created("8"))).toBe(
      "[43 2026-10-01..2026-10-31] Report 8 created; Lucca is generating it",
    );
    const resumed = { templateId: undefined, period: october, reportId: "9" };
    expect(reportProgress([a, resumed], { verbose: false })(resumed, created("9"))).toMatch(
      /^\[report 9 2026-10-01\.\.2026-10-31\] /,
    );
  });

  it("keeps each report's heartbeat apart", () => {
    const a = { templateId: "42", period: october };
    const b = { templateId: "43", period: october };
    const progress = reportProgress([a, b], { verbose: false });
    const checks = pendingChecks(3).slice(1);
    // a's second check is quiet; b's first check of its own still prints (it is a change).
    expect(progress(a, pendingChecks(1)[0] as JobEvent)).toBeDefined();
    expect(progress(a, checks[0] as JobEvent)).toBeUndefined();
    expect(progress(b, pendingChecks(1)[0] as JobEvent)).toMatch(/^\[43 /);
  });
});

describe("progressLines for people waiting", () => {
  it("gives the template's usual time when it has history", () => {
    const lines = progressLines({ verbose: false });
    expect(
      lines({
        type: "status",
        reportId: "7",
        status: "pending",
        changed: true,
        polls: 2,
        elapsedMs: 21_000,
        nextCheckMs: 8000,
        expectedMs: 46_000,
      }),
    ).toBe(
      "Report 7: pending after 21.0s (2 checks); next check in 8.0s; typically 46.0s for this template",
    );
  });

  it("says the period once, and the dates sent only when they differ from it", () => {
    const lines = progressLines({ verbose: false });
    const creating = (endsOn: string, convention: "inclusive" | "exclusive") =>
      lines({
        type: "creating",
        templateId: "42",
        startsOn: "2026-10-01",
        endsOn: "2026-10-31",
        sent: { startsOn: "2026-10-01", endsOn, convention },
        attempt: 1,
      });
    expect(creating("2026-10-31", "inclusive")).toBe(
      "Creating a report from template 42 for 2026-10-01..2026-10-31 (end date inclusive)",
    );
    expect(creating("2026-11-01", "exclusive")).toBe(
      "Creating a report from template 42 for 2026-10-01..2026-10-31; sent startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)",
    );
  });
});
