import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import process from "node:process";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { DOCTOR_HELP, HELP, TEMPLATE_CREATE_HELP, TEMPLATE_HELP } from "../../src/cli/help.ts";
import { templatePayloadSchema } from "../../src/core/schemas.ts";
import { runCliHere, spawnCli, tempDir } from "../support/cli.ts";

// The CLI's answers to the commonest mistakes: each says what was meant, or how to do it.
const root = resolve(import.meta.dirname, "../..");
const KEY = "mistake-key-71c0e2d4";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function runProcess(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const cli = spawnCli([process.execPath, join(root, "src/cli.ts"), ...args], {
    env,
    cwd: cwd ?? (await tempDir()),
  });
  const code = await cli.exit;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

const LUCCA = ["--domain", "https://acme.ilucca.net", "--template-id", "42"];

describe("a mistyped option, period or date", () => {
  it("names the option meant, in a message with balanced quotes", async () => {
    const run = await runProcess(["--domian", "https://acme.ilucca.net", "--template-id", "42"], {
      LUCCA_API_KEY: KEY,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "Invalid input:\n  - unknown option --domian; did you mean --domain?\n",
    );
  });

  it.each([
    [["--templateid", "42"], "unknown option --templateid; did you mean --template-id?"],
    [["--start-date", "2026-10-01"], "unknown option --start-date; did you mean --start?"],
    [["--allowed-hosts", "x"], "unknown option --allowed-hosts; did you mean --allow-host?"],
    [["--temp", "42"], "unknown option --temp; did you mean --template-id?"],
    [["--api-kye", "x"], "unknown option --api-kye; see --help"],
    [["--colour"], "unknown option --colour; see --help"],
    [["-x"], "unknown option -x; see --help"],
    [["--domain"], "--domain: missing its value (--domain VALUE)"],
    [
      ["--domain", "--json"],
      "--domain: missing its value (the next word, --json, is an option); a value that starts with - is written --domain=VALUE",
    ],
    [["--json=yes"], "--json takes no value; write --json alone"],
  ])("answers %j with %j", async (argv, message) => {
    const run = await runCliHere(argv, { env: { LUCCA_API_KEY: KEY } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`Invalid input:\n  - ${message}\n`);
  });

  it("lists every unknown option at once", async () => {
    const run = await runCliHere(["--domian", "x", "--perod", "2026-10"]);
    expect(run.stderr).toContain("unknown option --domian; did you mean --domain?");
    expect(run.stderr).toContain("unknown option --perod; did you mean --period?");
  });

  it("names the command meant", async () => {
    const run = await runCliHere(["docter"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'unexpected argument "docter"; did you mean doctor? the commands are doctor and template create (see --help)',
    );
    expect((await runCliHere(["template", "craete"])).stderr).toContain(
      "did you mean template create?",
    );
  });

  it("suggests the period word meant and lists every accepted form", async () => {
    const run = await runProcess([...LUCCA, "--period", "last-month"], { LUCCA_API_KEY: KEY });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--period: unknown value "last-month"; did you mean previous-month? expected previous-month, current-month, previous-week, current-week, previous-day, a month as YYYY-MM, or several months (one report each) as YYYY-MM..YYYY-MM or last-N-months',
    );
  });

  it("gives a date written another way in its ISO form", async () => {
    const run = await runCliHere([...LUCCA, "--start", "31/10/2026", "--end", "2026.11.30"], {
      env: { LUCCA_API_KEY: KEY },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--start: "31/10/2026" is not a date written YYYY-MM-DD; did you mean 2026-10-31?',
    );
    expect(run.stderr).toContain(
      '--end: "2026.11.30" is not a date written YYYY-MM-DD; did you mean 2026-11-30?',
    );
  });
});

describe("per-command help", () => {
  it("prints the doctor's own usage, with an example", async () => {
    const run = await runProcess(["doctor", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(DOCTOR_HELP);
    expect(run.stdout).toMatch(/^Usage: lucca-report doctor /);
    expect(run.stdout).toContain("lucca-report doctor --domain https://acme.ilucca.net");
  });

  it.each([
    [["template", "--help"], TEMPLATE_HELP],
    [["template"], TEMPLATE_HELP],
    [["help", "template"], TEMPLATE_HELP],
    [["template", "create", "--help"], TEMPLATE_CREATE_HELP],
    [["help", "template", "create"], TEMPLATE_CREATE_HELP],
    [["help", "doctor"], DOCTOR_HELP],
    [["-h", "doctor"], DOCTOR_HELP],
    [["--help"], HELP],
    [["help"], HELP],
    [["--help", "--domain", "x"], HELP],
  ])("%j prints its own usage", async (argv, text) => {
    const run = await runCliHere(argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(text);
    expect(run.stderr).toBe("");
  });

  it("documents template create with the example file, which Lucca's schema and the simulator take", async () => {
    const example = JSON.parse(
      await readFile(join(root, "examples/report-template.json"), "utf8"),
    ) as unknown;
    expect(templatePayloadSchema.safeParse(example).success).toBe(true);
    expect(TEMPLATE_CREATE_HELP).toContain("examples/report-template.json");
    expect(TEMPLATE_CREATE_HELP).toContain('"blueprintId": "times"');
    sim = await startSimulator({ apiKey: KEY });
    const run = await runProcess(
      ["template", "create", "--domain", sim.url, "--file", "report-template.json", "--json"],
      { LUCCA_API_KEY: KEY },
      await (async () => {
        const cwd = await tempDir();
        await writeFile(join(cwd, "report-template.json"), JSON.stringify(example));
        return cwd;
      })(),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ templateId: expect.any(String) });
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /timmi-timesheet/api/report-templates",
    ]);
  });
});

describe("a missing API key", () => {
  it("says how to give it", async () => {
    const run = await runProcess(LUCCA);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "Invalid input:\n  - LUCCA_API_KEY: missing; give the Lucca API key with `export LUCCA_API_KEY=...` or put it in a file and pass --api-key-file PATH\n",
    );
  });

  it("names the key file when that one is empty", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "key.txt"), " \n");
    const run = await runCliHere([...LUCCA, "--api-key-file", "key.txt"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Invalid input:\n  - --api-key-file: "key.txt" is empty\n');
  });
});
