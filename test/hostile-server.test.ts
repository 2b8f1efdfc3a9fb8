import { readdir } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { runAction } from "./support/action.ts";
import { runCliHere } from "./support/cli.ts";
import { type HostileServer, plainLucca, startHostileServer } from "./support/hostile-server.ts";

const KEY = "hostile-key-0a1b2c3d4e5f6a7b8c9d";
const env = { LUCCA_API_KEY: KEY };
let server: HostileServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function hostile(handler: Parameters<typeof startHostileServer>[0]) {
  server = await startHostileServer(handler);
  return server;
}

const fast = ["--poll-interval", "20ms", "--max-poll-interval", "50ms", "--max-retries", "1"];
const cli = (s: HostileServer, ...more: string[]) => [
  "--domain",
  s.url,
  "--template-id",
  "42",
  "--start",
  "2026-10-01",
  "--end",
  "2026-10-31",
  ...fast,
  ...more,
];

/** A line the runner would read as a workflow command. */
const FORGED = /^\s*(::|##\[)/m;

describe("answers the tool cannot use (finding 16)", () => {
  it.each([
    ["a null status", { id: 77, status: null }],
    ["a numeric status", { id: 77, status: 3 }],
    ["a missing id", { status: "pending" }],
  ])("%s exits 6 with a clear message, not 1", async (_label, report) => {
    const s = await hostile(plainLucca(report));
    const run = await runCliHere(cli(s), { env });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/Lucca answered with a report this tool cannot use \((id|status)/);
    expect(run.stderr).not.toMatch(/Unexpected error/);
    expect(await readdir(run.cwd)).toEqual([]);
  });
});

describe("the server never decides where the file goes (finding 2)", () => {
  const resume = (s: HostileServer) => ["--domain", s.url, "--report-id", "77", ...fast];

  it.each([
    ["../../../../tmp/x", "2026-10-01", "2026-10-31"],
    ["/../../", "2026-10-01", "2026-10-31"],
    ["42", "../../../x", "2026-10-31"],
  ])(
    "refuses templateId %j startsOn %j before any download",
    async (templateId, startsOn, endsOn) => {
      const s = await hostile(plainLucca({ id: 77, status: "done", templateId, startsOn, endsOn }));
      const run = await runCliHere(resume(s), { env });
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(/cannot use/);
      expect(s.requests.some((r) => r.path.includes("download"))).toBe(false);
      expect(await readdir(run.cwd)).toEqual([]);
    },
  );

  it("names the file from validated values when resuming", async () => {
    const s = await hostile(
      plainLucca({ id: 77, status: "done", templateId: 42, startsOn: "2026-10-01", endsOn: null }),
    );
    const run = await runCliHere([...resume(s), "--json"], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).path).toBe(`${run.cwd}/reports/42_2026-10-01_default.csv`);
  });
});

const FORGERIES = [
  "77\n::set-output name=path::/etc/passwd",
  "pending\n::error title=Forged::hi",
  "::add-mask::x",
  "::stop-commands::tok",
  "pending\r\n##[error]legacy",
  "x\u2028::error title=Forged::sep",
];

/** Lines the runner would execute that this tool did not write itself. */
function forgedCommands(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => FORGED.test(line))
    .filter(
      (line) =>
        !/^::(group|endgroup|debug|add-mask::hostile-key|error title=Lucca(?:'|%27)s answer could not be used|error title=Lucca could not be reached)/.test(
          line,
        ),
    );
}

describe("no workflow command from the server reaches a log line (finding 1)", () => {
  const handlers = FORGERIES.flatMap((text) => [
    ["id", text, plainLucca({ id: text, status: "pending" })],
    ["status", text, plainLucca({ id: 77, status: text })],
  ]) as [string, string, Parameters<typeof startHostileServer>[0]][];

  it.each(handlers)("CLI: a hostile %s %j", async (_field, _text, handler) => {
    const s = await hostile(handler);
    const run = await runCliHere(cli(s, "--verbose"), { env });
    expect(run.code).toBe(6);
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(forgedCommands(run.stderr)).toEqual([]);
    expect(run.stderr).toMatch(/cannot use/);
  });

  it("action: hostile ids and statuses forge no command and no output", async () => {
    for (const [field, handler] of [
      ["id", plainLucca({ id: FORGERIES[0], status: "pending" })],
      ["status", plainLucca({ id: 77, status: FORGERIES[1] })],
    ] as const) {
      const s = await hostile(handler);
      const run = await runAction({
        domain: s.url,
        "api-key": KEY,
        "template-id": "42",
        "start-date": "2026-10-01",
        "end-date": "2026-10-31",
        "poll-interval": "20ms",
        "max-retries": "0",
        publish: "none",
      });
      expect(run.code, field).toBe(1);
      expect(forgedCommands(run.stdout), field).toEqual([]);
      expect(forgedCommands(run.stderr), field).toEqual([]);
      expect(run.outputs.path, field).toBeUndefined();
      expect(run.stdout).toMatch(/::error title=Lucca(?:'|%27)s answer could not be used::/);
      await s.close();
      server = undefined;
    }
  });
});
