import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";

const KEY = "cache-key-2b8e41c7";
let sim: Simulator | undefined;
let service: ResultsService;

beforeAll(async () => {
  service = await startResultsService();
}, 60_000);
afterAll(async () => {
  await service?.close();
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  service.failAll = false;
});

/** The change-detection entries (the poll history has entries of its own). */
const reportCaches = () =>
  service.caches().filter((entry) => entry.finalized && entry.key.startsWith("lucca-report-v1-"));

const CSV = "Collaborateur;Heures\r\nAda;151,67\r\nBob;140,00\r\n";

const inputsFor = (s: Simulator, extra: Record<string, string> = {}) => ({
  domain: s.url,
  "api-key": KEY,
  "template-id": "42",
  "poll-interval": "20ms",
  publish: "artifact",
  "artifact-overwrite": "true",
  ...extra,
});

describe("change detection across runs with the real @actions/cache client", () => {
  it("says first, then unchanged (skipping the upload when asked), then what changed", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, csvBody: CSV });
    const inputs = inputsFor(sim, {
      period: "2026-10",
      "artifact-name": "october",
      "summary-preview-rows": "5",
    });

    const first = await runAction(inputs, { env: service.env });
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs.changed).toBe("true");
    expect(first.summary).toMatch(/First run for this template and period/);
    expect(reportCaches()).toHaveLength(1);
    // Only a hash, run id, attempt and time: no domain or template name in the key.
    expect(reportCaches()[0]?.key).toMatch(/^lucca-report-v1-[0-9a-f]{16}-\d+-\d+-\d+$/);

    const uploadsBefore = service.calls.filter((call) => call.method === "CreateArtifact").length;
    const same = await runAction({ ...inputs, "if-unchanged": "skip" }, { env: service.env });
    expect(same.code, same.stdout).toBe(0);
    expect(same.outputs.changed).toBe("false");
    expect(same.summary).toMatch(/No change: the report is the same/);
    expect(same.summary).toMatch(/\| same \|/);
    expect(same.summary).toMatch(/not uploaded: unchanged/);
    expect(service.calls.filter((call) => call.method === "CreateArtifact")).toHaveLength(
      uploadsBefore,
    );
    expect(reportCaches()).toHaveLength(1);

    sim.set({ csvBody: `${CSV}Zoé;7,50\r\n`.replace("Bob;140,00\r\n", "") });
    const changed = await runAction(inputs, { env: service.env });
    expect(changed.code, changed.stdout).toBe(0);
    expect(changed.outputs.changed).toBe("true");
    expect(changed.summary).toMatch(/\*\*1\*\* row\(s\) added, \*\*1\*\* removed/);
    // The changed records as a small table (rows shown because summary-preview-rows asks).
    expect(changed.summary).toContain("| added | Zoé | 7,50 |");
    expect(changed.summary).toContain("| removed | Bob | 140,00 |");
    expect(changed.summary).toMatch(/\| \+1 −1 \|/);
    expect(reportCaches()).toHaveLength(2);

    // Another period of the same template is compared with nothing.
    const other = await runAction(
      { ...inputs, period: "2026-09", "artifact-name": "september" },
      { env: service.env },
    );
    expect(other.code, other.stdout).toBe(0);
    expect(other.summary).toMatch(/First run for this template and period/);
  });

  it("learns the template's generation time through the cache, with publish: none", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 300, csvBody: CSV });
    // A new simulator is a new domain: no history yet, whatever earlier tests saved.
    const inputs = inputsFor(sim, { publish: "none" });
    const first = await runAction(inputs, { env: service.env });
    expect(first.code, first.stdout).toBe(0);
    expect(first.summary).not.toMatch(/expected after/);
    const saved = service
      .caches()
      .filter((entry) => entry.finalized && entry.key.startsWith("lucca-report-poll-history-v1-"));
    expect(saved.length).toBeGreaterThanOrEqual(1);
    const second = await runAction(inputs, { env: service.env });
    expect(second.code, second.stdout).toBe(0);
    expect(second.summary).toMatch(
      /report expected after .+ from this template's last runs; -?\d+ saved/,
    );
  });

  it("restores and saves nothing with cache: false, and says changed is unknown", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, csvBody: CSV });
    const cacheCalls = () => service.calls.filter((call) => /Cache/.test(call.method)).length;
    const before = cacheCalls();
    const run = await runAction(
      inputsFor(sim, { period: "2026-06", "artifact-name": "june", cache: "false" }),
      { env: service.env, fromSource: true },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(cacheCalls()).toBe(before);
    expect(run.outputs.changed).toBe("");
    expect(run.outputs["artifact-id"]).toMatch(/^\d+$/);
    expect(run.summary).not.toMatch(/First run|Change detection|expected after/);
    expect(run.stdout).not.toMatch(/::warning::/);

    // The same run with the cache on does ask it: the count above is not vacuous.
    const on = await runAction(inputsFor(sim, { period: "2026-06", "artifact-name": "june" }), {
      env: service.env,
      fromSource: true,
    });
    expect(on.code, on.stdout).toBe(0);
    expect(cacheCalls()).toBeGreaterThan(before);
  });

  it("saves the history a timeout made it forget, so the next run does not wait the same way", async () => {
    // A history of 1.5 s, learned by a run that succeeds.
    sim = await startSimulator({ apiKey: KEY, generationMs: 1500, csvBody: CSV });
    const inputs = inputsFor(sim, { publish: "none", "poll-interval": "50ms" });
    const learn = await runAction(inputs, { env: service.env, fromSource: true });
    expect(learn.code, learn.stdout).toBe(0);
    const learned = await runAction(
      { ...inputs, timeout: "5s" },
      {
        env: service.env,
        fromSource: true,
      },
    );
    expect(learned.code, learned.stdout).toBe(0);
    expect(learned.summary).toMatch(/report expected after/);

    // Generation now outlasts the timeout: the run fails, after status checks.
    sim.set({ generationMs: 60_000 });
    const timedOut = await runAction(
      { ...inputs, timeout: "1s" },
      {
        env: service.env,
        fromSource: true,
      },
    );
    expect(timedOut.code).toBe(1);
    expect(timedOut.stdout).toMatch(/::error title=Lucca report timed out::/);

    sim.set({ generationMs: 20 });
    const next = await runAction(
      { ...inputs, timeout: "5s" },
      {
        env: service.env,
        fromSource: true,
      },
    );
    expect(next.code, next.stdout).toBe(0);
    expect(next.summary).not.toMatch(/expected after/);
  });

  it("goes on, and says so once, when the cache service is unavailable", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, csvBody: CSV });
    service.failServices = ["CacheService"];
    service.failStatus = 400;
    try {
      const run = await runAction(
        inputsFor(sim, { period: "2026-08", "artifact-name": "august" }),
        { env: service.env },
      );
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.changed).toBe("");
      expect(run.outputs["artifact-id"]).toMatch(/^\d+$/);
      expect(run.stdout.match(/::warning::Change detection is off for this run/g)).toHaveLength(1);
      expect(run.summary).toMatch(/Change detection was off for this run/);
    } finally {
      service.failServices = undefined;
      service.failStatus = 503;
    }
  });

  it("skips change detection where no cache service is configured at all", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, csvBody: CSV });
    const env = { ...service.env, ACTIONS_CACHE_SERVICE_V2: "" };
    const run = await runAction(inputsFor(sim, { period: "2026-07", "artifact-name": "july" }), {
      env,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toMatch(
      /Change detection was off for this run: the Actions cache service is not configured/,
    );
  });
});
