import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { runCliHere } from "../support/cli.ts";

const KEY = "doctor-key-7e2a9c41";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function doctor(options: SimulatorOptions, extra: string[] = [], key = KEY) {
  sim = await startSimulator({ apiKey: KEY, generationMs: 60, rows: 20, ...options });
  const run = await runCliHere(
    ["doctor", "--domain", sim.url, "--template-id", "42", "--poll-interval", "20ms", ...extra],
    { env: { LUCCA_API_KEY: key } },
  );
  return { run, json: extra.includes("--json") ? JSON.parse(run.stdout) : undefined };
}

function expectNothingPrivate(text: string) {
  expect(text).not.toContain(KEY);
  // Names of people in the simulator's CSV rows.
  for (const name of ["Marie Dupont", "Zoé Lefèvre", "Hugo Bernard"])
    expect(text).not.toContain(name);
}

describe("lucca-report doctor", () => {
  it("runs the flow on one day and prints a checklist that says what the tenant does", async () => {
    const { run } = await doctor({});
    expect(run.code).toBe(0);
    // The day of the check, then the day the report was for (yesterday).
    const today = new Date().toISOString().slice(0, 10);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Lucca tenant check on ${today} \\(a report for \\d{4}-\\d{2}-\\d{2}\\): the flow works`,
      ),
    );
    expect(run.stdout).toContain("✔ API key: accepted");
    expect(run.stdout).toContain(
      "✔ Template and report creation: POST answered 201; envelope bare; id number",
    );
    expect(run.stdout).toMatch(
      /✔ Status: GET \/timmi-timesheet\/api\/reports\/\{id\} answered 200; words seen: pending, done/,
    );
    expect(run.stdout).toContain("redirect: none; Content-Type: text/csv; charset=utf-8");
    expect(run.stdout).toContain(
      'encoding utf-8 with BOM; delimiter ";"; line ends CRLF; decimal separator ","',
    );
    expect(run.stdout).toContain("header: Collaborateur;Matricule;");
    expectNothingPrivate(run.stdout + run.stderr);
    const report = sim?.reports.get("1001");
    expect(report?.startsOn).toBe(report?.endsOn);
  });

  it("gives a redacted JSON profile with each variant the tenant plays", async () => {
    const { run, json } = await doctor(
      { envelope: "header", stringIds: true, redirectDownload: true, rateLimitHeaders: true },
      ["--json"],
    );
    expect(run.code).toBe(0);
    // What ran the check: the tool's version, the runtime and the OS, for a bug report.
    expect(json.environment).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      runtime: `node ${process.versions.node}`,
      os: `${process.platform} ${process.arch}`,
    });
    expect(json.checkedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(json).toMatchObject({
      ok: true,
      exitCode: 0,
      profile: {
        keyAccepted: true,
        templateReachable: true,
        create: { status: 201, envelope: "header+data", idType: "string" },
        statusSignal: "status endpoint",
        download: {
          status: 200,
          redirect: "other origin",
          contentDisposition: "attachment; filename=*.csv",
        },
        file: { encoding: "utf-8", bom: true, delimiter: ";", lineEnding: "CRLF" },
        rateLimitHeaders: ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
        rangeSent: { convention: "inclusive" },
      },
    });
    expectNothingPrivate(run.stdout);
    expect(run.stdout).not.toContain("signature=");
  });

  it("writes the trace too with --trace", async () => {
    const { run } = await doctor({}, ["--trace", "doctor.jsonl"]);
    expect(run.code).toBe(0);
    const text = await readFile(join(run.cwd, "doctor.jsonl"), "utf8");
    expect(text.trimEnd().split("\n")).toHaveLength(sim?.requests.length ?? -1);
    expect(text).not.toContain(KEY);
  });

  it("exits 3 and says the key was refused", async () => {
    const { run, json } = await doctor({}, ["--json"], "wrong-key-for-doctor");
    expect(run.code).toBe(3);
    expect(json).toMatchObject({ ok: false, exitCode: 3, profile: { keyAccepted: false } });
    expect(json.steps.at(-1)).toMatchObject({ name: "Result", state: "failed" });
    // One cause, one ✘: the key; what it stopped did not run.
    const failed = (json.steps as { name: string; state: string }[]).filter(
      (step) => step.state === "failed",
    );
    expect(failed.map((step) => step.name)).toEqual(["API key", "Result"]);
    expect(run.stdout).not.toContain("wrong-key-for-doctor");
  });
});

describe("lucca-report doctor on a tenant that sends API calls to a sign-in page", () => {
  it("says the key is not accepted and exits 3", async () => {
    const { run, json } = await doctor({ loginRedirect: true }, ["--json"]);
    expect(run.code).toBe(3);
    expect(json.profile.keyAccepted).toBe(false);
    expect(json.steps[0]).toMatchObject({ name: "API key", state: "failed" });
  });
});

describe("lucca-report doctor on a tenant without the status endpoint", () => {
  it("reports the fallback to the download and the refusal code seen", async () => {
    const { run, json } = await doctor(
      { statusEndpoint: 405, pendingDownloadStatus: 409, generationMs: 400 },
      ["--json"],
    );
    expect(run.code).toBe(0);
    expect(json.profile).toMatchObject({
      statusSignal: "download",
      statusPath: { statuses: [405] },
      statusWords: ["pending"],
      download: { status: 200, refusals: [409] },
    });
    expect(json.steps.find((s: { name: string }) => s.name === "Status")).toMatchObject({
      state: "ok",
      detail: expect.stringContaining("the download endpoint served as the status signal"),
    });
  });
});

describe("lucca-report doctor whatever the framing and headers", () => {
  it("reads chunked answers (no Content-Length): the envelope and the id type are seen", async () => {
    const { run, json } = await doctor({ chunkedJson: true, stringIds: true }, ["--json"]);
    expect(run.code).toBe(0);
    expect(json.profile.create).toEqual({ status: 201, envelope: "bare", idType: "string" });
    expect(run.stdout).not.toMatch(/not read|not seen/);
  });

  it("keeps the media type of Content-Type and the kind and extension of Content-Disposition", async () => {
    const { run, json } = await doctor(
      {
        downloadHeaders: {
          "Content-Type": 'text/csv; charset=utf-8; name="Dupont_Jean_timesheet.csv"',
          "Content-Disposition": 'attachment; filename="Dupont_Jean_timesheet.csv"',
          "X-Owner": "jean.dupont@acme.example",
        },
      },
      ["--json"],
    );
    expect(run.code).toBe(0);
    expect(json.profile.download).toMatchObject({
      contentType: "text/csv; charset=utf-8",
      contentDisposition: "attachment; filename=*.csv",
    });
    expect(run.stdout).not.toMatch(/Dupont|acme\.example/);
  });
});
