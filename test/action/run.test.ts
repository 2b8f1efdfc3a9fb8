import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { type ActionRun, runAction } from "../support/action.ts";
import { sha256Of } from "../support/cli.ts";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";

const KEY = "action-key-3e7d1b90";
let sim: Simulator | undefined;

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 50, rows: 30, ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const inputsFor = (s: Simulator, extra: Record<string, string> = {}) => ({
  domain: s.url,
  "api-key": KEY,
  "template-id": "42",
  "poll-interval": "20ms",
  "max-poll-interval": "100ms",
  publish: "none",
  ...extra,
});

/** The runner swallows `::add-mask::` itself; everything else it shows must not hold the key. */
function expectKeyNowhere(run: ActionRun, key = KEY) {
  expect(run.stdout).toContain(`::add-mask::${key}`);
  const shown = run.stdout.replaceAll(`::add-mask::${key}`, "");
  for (const text of [shown, run.stderr, JSON.stringify(run.outputs), run.summary]) {
    expect(text).not.toContain(key);
  }
}

describe("the action (node dist/index.js) against the simulator", () => {
  it("generates the report, sets every output and writes the summary", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, {
        "start-date": "2026-10-01",
        "end-date": "2026-10-31",
        "summary-preview-rows": "15",
      }),
    );
    expect(run.code, run.stdout).toBe(0);
    const path = join(run.workspace, "reports/42_2026-10-01_2026-10-31.csv");
    expect(run.outputs).toMatchObject({
      "report-id": "1001",
      path,
      format: "csv",
      rows: "30",
      columns: "7",
      "starts-on": "2026-10-01",
      "ends-on": "2026-10-31",
      attempts: "1",
    });
    expect(Number(run.outputs.polls)).toBeGreaterThanOrEqual(1);
    expect(Number(run.outputs["duration-seconds"])).toBeGreaterThan(0);
    expect(run.outputs.sha256).toBe(await sha256Of(s.expectedCsv("1001")));
    expect(Number(run.outputs.bytes)).toBe((await readFile(path)).byteLength);
    expect(run.summary).toMatch(/\| Report id \| 1001 \|/);
    // Totals of the numeric columns, from the one streaming pass: the output and the summary.
    const totals = JSON.parse(run.outputs.totals ?? "[]") as { column: string; sum: number }[];
    expect(totals.map((total) => total.column)).toEqual([
      "Temps de présence",
      "Absences",
      "Temps théorique",
    ]);
    expect(run.summary).toMatch(
      /Totals over all 30 rows: Temps de présence: [\d,]+\.\d\d; Absences: /,
    );
    // The summary leads with the template, the period in words and the rows.
    expect(run.summary.split("\n")[0]).toBe("## ✅ Lucca report: template 42, October 2026");
    expect(run.summary).toMatch(
      /^\| 42 \| October 2026 \| done \| 30 \| [\d.]+ (B|KiB) \|\s*\| Temps de présence: [\d,.]+<br>Absences: /m,
    );
    expect(run.summary).toContain(`| SHA-256 | \`${run.outputs.sha256}\` |`);
    expect(run.summary).toMatch(/<summary>First 15 of 30 rows<\/summary>/);
    expect(run.summary).toContain("| Collaborateur | Matricule |");
    // Quoted cells with line breaks and ";" stay inside their cell.
    expect(run.summary).toMatch(/<br>/);
    expect(run.stdout).toMatch(/::group::Generate the report/);
    expect(run.stdout).toMatch(/::group::Download the report/);
    expectKeyNowhere(run);
  });

  it("keeps the summary small for a very large CSV", async () => {
    const s = await simulator({ rows: 400_000 });
    const run = await runAction(inputsFor(s, { "summary-preview-rows": "100" }));
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.rows).toBe("400000");
    expect(Buffer.byteLength(run.summary)).toBeLessThan(64 * 1024);
    expect(run.summary).toMatch(/First 100 of 400,000 rows/);
  });

  it("writes no preview with summary-preview-rows 0, and no summary with summary false", async () => {
    const s = await simulator();
    const none = await runAction(inputsFor(s, { "summary-preview-rows": "0" }));
    expect(none.code).toBe(0);
    expect(none.summary).toMatch(/Report id/);
    expect(none.summary).not.toMatch(/First \d+ of/);
    const off = await runAction(inputsFor(s, { summary: "false" }));
    expect(off.code).toBe(0);
    expect(off.summary).toBe("");
  });

  it("fails with a titled annotation and a failure summary on 401", async () => {
    const s = await simulator();
    const run = await runAction({ ...inputsFor(s), "api-key": "wrong-key-value" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error title=Lucca rejected the request::.*Check the API key/);
    expect(run.summary).toMatch(/❌/);
    expect(run.summary).toMatch(/Check the API key/);
    expectKeyNowhere(run, "wrong-key-value");
    expect(s.requests).toHaveLength(1);
  });

  it("on timeout, names the report and how to resume it", async () => {
    const s = await simulator({ generationMs: 60_000 });
    const run = await runAction(inputsFor(s, { timeout: "300ms" }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error title=Lucca report timed out::Report 1001 was not ready/);
    expect(run.stdout).toMatch(/report-id: 1001/);
    expect(run.summary).toMatch(/re-run with the input `report-id: 1001`/);
    // Said once, in the action's words: no command-line flag.
    expect(run.summary).not.toMatch(/--report-id/);
    expect(run.summary.match(/report-id: 1001/g)).toHaveLength(1);
    expect(run.outputs).toMatchObject({ succeeded: "0", failed: "1" });
    expect(JSON.parse(run.outputs.reports ?? "[]")).toMatchObject([
      { "report-id": "1001", status: "failed" },
    ]);
    expectKeyNowhere(run);
  });

  it("lists every bad input at once, before any request", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, {
        "start-date": "2026-02-30",
        "end-date": "2026-02-01",
        timeout: "forever",
        publish: "artifact,ftp",
        "artifact-retention-days": "365",
        "summary-preview-rows": "many",
        "artifact-archive": "maybe",
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error title=Invalid inputs::/);
    for (const input of [
      "start-date",
      "timeout",
      "publish",
      "artifact-retention-days",
      "summary-preview-rows",
      "artifact-archive",
    ]) {
      expect(run.stdout).toContain(`- ${input}`);
    }
    expect(s.requests).toHaveLength(0);
  });

  it("does not load the publishing code when nothing is published", async () => {
    const s = await simulator();
    const dist = await mkdtemp(join(tmpdir(), "lucca-dist-"));
    await cp(join(import.meta.dirname, "../../dist"), dist, { recursive: true });
    const removed: string[] = [];
    for (const name of await readdir(dist)) {
      if ((await readFile(join(dist, name), "utf8")).includes("DefaultArtifactClient")) {
        await rm(join(dist, name));
        removed.push(name);
      }
    }
    expect(removed.length).toBeGreaterThan(0);
    expect(removed).not.toContain("index.js");
    const run = await runAction(inputsFor(s), { distDir: dist });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["report-id"]).toBe("1001");
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "stops within 2 s on %s while pending and leaves no file",
    async (signal) => {
      const s = await simulator({ generationMs: 60_000 });
      const run = await runAction(inputsFor(s), {
        signalWhen: { stdout: /Report 1001 created/, signal },
      });
      expect(run.code).toBe(1);
      expect(run.exitAfterSignalMs).toBeLessThan(2000);
      expect(run.stdout).toMatch(new RegExp(`::error title=Cancelled::Cancelled by ${signal}`));
      const reports = join(run.workspace, "reports");
      expect(existsSync(reports) ? await readdir(reports) : []).toEqual([]);
    },
  );
});

describe("artifact publishing with the real @actions/artifact client", () => {
  let service: ResultsService;
  beforeAll(async () => {
    service = await startResultsService();
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it("uploads the CSV unzipped by default, bytes equal to the file", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, {
        publish: "artifact",
        period: "2026-10",
        "artifact-name": "october",
        "artifact-retention-days": "7",
      }),
      {
        env: service.env,
      },
    );
    expect(run.code, run.stdout).toBe(0);
    const stored = service.artifacts().find((artifact) => artifact.name === "october.csv");
    expect(stored?.finalized).toBe(true);
    expect(stored?.retentionDays).toBe(7);
    expect(Buffer.from(await service.artifactBytes("october.csv"))).toEqual(
      await readFile(run.outputs.path ?? ""),
    );
    expect(run.outputs["artifact-id"]).toBe(String(stored?.id));
    expect(run.outputs["artifact-url"]).toBe(
      `https://github.com/${service.env.GITHUB_REPOSITORY}/actions/runs/${service.env.GITHUB_RUN_ID}/artifacts/${stored?.id}`,
    );
    expect(run.outputs["artifact-digest"]).toMatch(/^[0-9a-f]{64}$/);
    expect(run.summary).toContain(`[october.csv](${run.outputs["artifact-url"]})`);
  });

  it("zips it with artifact-archive, under the default name", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, { publish: "artifact", period: "2026-09", "artifact-archive": "true" }),
      {
        env: service.env,
      },
    );
    expect(run.code, run.stdout).toBe(0);
    const { readZip } = await import("../support/results-service/zip.ts");
    const entries = readZip(await service.artifactBytes("lucca-report-42-2026-09-01_2026-09-30"));
    const csv = await readFile(run.outputs.path ?? "");
    expect(entries.map((entry) => entry.name)).toEqual(["42_2026-09-01_2026-09-30.csv"]);
    expect(Buffer.from(entries[0]?.data ?? [])).toEqual(csv);
  });

  it("fails clearly on a name conflict, and replaces the artifact with artifact-overwrite", async () => {
    const s = await simulator();
    const inputs = inputsFor(s, { publish: "artifact", "artifact-name": "rerun" });
    const first = await runAction(inputs, { env: service.env });
    expect(first.code, first.stdout).toBe(0);
    const clash = await runAction(inputs, { env: service.env });
    expect(clash.code).toBe(1);
    expect(clash.stdout).toMatch(/already exists.*artifact-overwrite: true/);
    const again = await runAction(
      { ...inputs, "artifact-overwrite": "true" },
      { env: service.env },
    );
    expect(again.code, again.stdout).toBe(0);
    const named = service.artifacts().filter((artifact) => artifact.name === "rerun.csv");
    expect(named).toHaveLength(1);
    expect(String(named[0]?.id)).toBe(again.outputs["artifact-id"]);
  });
  it("on GitHub Enterprise Server, fails with a message that suggests another publish mode", async () => {
    const s = await simulator();
    const run = await runAction(inputsFor(s, { publish: "artifact" }), {
      env: { ...service.env, GITHUB_SERVER_URL: "https://github.acme-corp.example" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=Lucca report failed::.*GitHub Enterprise Server.*publish: commit/,
    );
    // The report itself was fetched: outputs and the failure summary still say what it holds.
    expect(run.outputs["report-id"]).toBe("1001");
    expect(run.summary).toMatch(/❌/);
    expect(run.summary).toMatch(/^\| 42 \| .* \| done \| 30 \|/m);
  });
});

describe("the summary preview of awkward cells", () => {
  it("escapes pipes, keeps line breaks inside cells and cuts long cells", async () => {
    const long = "x".repeat(500);
    const csv = `Name;Note;Pipe\r\n"Ada; Lovelace";"line 1\r\nline 2";a|b\r\nBob;${long};"<script>"\r\n`;
    const s = await simulator({ csvBody: csv });
    const run = await runAction(inputsFor(s, { "summary-preview-rows": "5" }));
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rows: "2", columns: "3" });
    expect(run.summary).toContain("| Ada; Lovelace | line 1<br>line 2 | a\\|b |");
    expect(run.summary).toContain("&lt;script&gt;");
    expect(run.summary).not.toContain("x".repeat(100));
    expect(run.summary).toContain(`${"x".repeat(79)}…`);
  });
});

describe("proxy support for self-hosted runners", () => {
  it("sends Lucca requests through HTTPS_PROXY/HTTP_PROXY, and not when NO_PROXY covers the host", async () => {
    const { startForwardProxy } = await import("../support/forward-proxy.ts");
    const proxy = await startForwardProxy();
    try {
      const s = await simulator();
      const host = new URL(s.url).host;
      const proxied = await runAction(inputsFor(s), {
        env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
      });
      expect(proxied.code, proxied.stdout).toBe(0);
      expect(proxy.seen.some((line) => line.includes(host))).toBe(true);
      const throughProxy = proxy.seen.length;

      const direct = await runAction(inputsFor(s), {
        env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" },
      });
      expect(direct.code, direct.stdout).toBe(0);
      expect(proxy.seen).toHaveLength(throughProxy);
    } finally {
      await proxy.close();
    }
  });
});
