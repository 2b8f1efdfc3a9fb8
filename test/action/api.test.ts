import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";

const KEY = "action-api-key-93f1c2";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(options: SimulatorOptions = {}) {
  sim = await startSimulator({ apiKey: KEY, generationMs: 50, rows: 12, ...options });
  return sim;
}

const inputsFor = (s: Simulator, extra: Record<string, string> = {}) => ({
  domain: s.url,
  "api-key": KEY,
  "template-id": "42",
  "poll-interval": "20ms",
  publish: "none",
  ...extra,
});

describe("the action meets the real API's unknowns (dist/index.js)", () => {
  it("sets the encoding output, shows it and the range sent in the summary", async () => {
    const s = await simulator({ csvEncoding: "windows-1252" });
    const run = await runAction(
      inputsFor(s, {
        "start-date": "2026-10-01",
        "end-date": "2026-10-31",
        "end-date-convention": "exclusive",
      }),
    );
    expect(run.code).toBe(0);
    expect(run.outputs.encoding).toBe("windows-1252");
    expect(s.reports.get("1001")).toMatchObject({ startsOn: "2026-10-01", endsOn: "2026-11-01" });
    expect(run.summary).toContain("| Encoding | Windows-1252 |");
    expect(run.summary).toMatch(
      /\| Range sent \| startsOn 2026\\?-10\\?-01, endsOn 2026\\?-11\\?-01/,
    );
    expect(run.stdout).toContain(
      "sent startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)",
    );
  });

  it("prints the trace in a collapsed group with trace: true, without the key", async () => {
    const s = await simulator();
    const run = await runAction(inputsFor(s, { trace: "true" }));
    expect(run.code).toBe(0);
    const group = run.stdout.split("::group::HTTP trace")[1]?.split("::endgroup::")[0] ?? "";
    const lines = group.split("\n").filter((line) => line.startsWith("{"));
    expect(lines.length).toBe(s.requests.length);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ method: "POST", status: 201 });
    expect(group).not.toContain(KEY);
  });

  it("mode: doctor writes the checklist and the profile to the summary", async () => {
    const s = await simulator({ envelope: "header" });
    const run = await runAction(inputsFor(s, { mode: "doctor", trace: "true" }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::group::HTTP trace \(\d+ exchanges, shapes only\)/);
    expect(run.summary).toMatch(/^## ✅ Lucca tenant check on/);
    expect(run.summary).toContain("envelope header+data");
    expect(run.summary).toContain("Profile to paste into an issue");
    // The profile as a pretty-printed JSON block, with what ran the check.
    const block = /```json\n([\s\S]*?)\n```/.exec(run.summary)?.[1] ?? "";
    expect(JSON.parse(block)).toMatchObject({
      ok: true,
      environment: { runtime: expect.any(String) },
    });
    expect(block.split("\n").length).toBeGreaterThan(10);
    expect(run.summary).toContain("| State | Step | What the tenant did |");
    // The checklist is inside the step's group, and says where the profile is in the action's words.
    const group = run.stdout.slice(run.stdout.indexOf("::group::Check what the Lucca tenant does"));
    expect(group.slice(0, group.indexOf("::endgroup::"))).toMatch(
      /Lucca tenant check on .*the flow works/,
    );
    expect(run.stdout).toContain("Paste the profile from this job's summary");
    expect(run.stdout).not.toContain("lucca-report doctor --json");
    expect(run.summary).not.toContain(KEY);
    expect(run.outputs["report-id"]).toBeUndefined();
  });

  it("mode: doctor fails the step with the usual message when the key is refused", async () => {
    const s = await simulator();
    const run = await runAction({
      ...inputsFor(s, { mode: "doctor" }),
      "api-key": "wrong-key-1234567",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error title=Lucca tenant check failed::");
    expect(run.summary).toMatch(/^## ❌ Lucca tenant check/);
  });
});
