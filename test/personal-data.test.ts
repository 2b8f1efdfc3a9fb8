import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BadDownloadBody } from "../simulator/options.ts";
import { type Simulator, startSimulator } from "../simulator/server.ts";
import { runAction } from "./support/action.ts";
import { runCliHere } from "./support/cli.ts";

// Made-up people, as a report's rows hold them: names, staff numbers, e-mail addresses.
const PEOPLE = [
  ["Ysolde Marchetti", "MAT-883201", "ysolde.marchetti@exemple-rh.fr"],
  ["Ferdinand Quillet", "MAT-883202", "f.quillet@exemple-rh.fr"],
  ["Aurélie Tenbrink", "MAT-883203", "aurelie.tenbrink@exemple-rh.fr"],
] as const;
const HEADER = "Collaborateur;Matricule;E-mail;Temps de présence";
const CSV = `\ufeff${HEADER}\r\n${PEOPLE.map((p) => `${p.join(";")};151,67`).join("\r\n")}\r\n`;
/** And the same people in the headers of every download answer. */
const DOWNLOAD_HEADERS = {
  "Content-Disposition": 'attachment; filename="Marchetti_Ysolde_timesheet.csv"',
  "X-Owner": "ysolde.marchetti@exemple-rh.fr",
  "X-Generated-For": "Ferdinand Quillet",
};
/** Nothing of these may be seen: every cell past the header, and the names in headers. */
const PRIVATE = [...PEOPLE.flat(), "Marchetti", "Quillet", "Tenbrink", "exemple-rh"];

const KEY = "people-key-3f9e1d7c5b";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/**
 * What a person or a log can see, with the hex a refusal gives decoded as well: bytes
 * shown in hex are bytes shown.
 */
function seen(texts: string[]): string {
  const all = texts.join("\n");
  const decoded = [...all.matchAll(/first bytes ((?:[0-9a-f]{2} ?)+)/g)].map((match) =>
    Buffer.from((match[1] ?? "").replace(/ /g, ""), "hex").toString("utf8"),
  );
  return [all, ...decoded].join("\n");
}

function expectNoPerson(where: string, texts: string[]) {
  const text = seen(texts);
  for (const value of PRIVATE) expect(text, `${value} in ${where}`).not.toContain(value);
}

/** A download that is not the report, for each way a report's rows can be misserved. */
const SCENARIOS: [string, BadDownloadBody, "csv" | "excel", RegExp][] = [
  ["the CSV labelled application/json", "csv-as-json", "csv", /Lucca sent JSON/],
  ["the CSV labelled text/html", "csv-as-html", "csv", /Lucca sent an HTML page/],
  ["rows inside an error-like JSON object", "json-rows", "csv", /Lucca sent JSON/],
  ["the CSV sent with a 500", "csv-error", "csv", /answered 500/],
  ["the CSV when Excel was asked", "csv", "excel", /neither \.xlsx nor \.xls/],
  ["the CSV labelled JSON when Excel was asked", "csv-as-json", "excel", /neither \.xlsx/],
];

async function lucca(body: BadDownloadBody): Promise<Simulator> {
  sim = await startSimulator({
    apiKey: KEY,
    generationMs: 0,
    rateLimit: false,
    csvBody: CSV,
    badDownloads: { body, count: 1000 },
    downloadHeaders: DOWNLOAD_HEADERS,
  });
  return sim;
}

describe("a report's rows served where they do not belong reach nobody (issue, items 7-9)", () => {
  it.each(SCENARIOS)("%s: CLI run and doctor, with traces", async (_label, body, format, said) => {
    const s = await lucca(body);
    const env = { LUCCA_API_KEY: KEY };
    const common = ["--domain", s.url, "--template-id", "42", "--format", format];
    const fast = ["--poll-interval", "20ms", "--max-retries", "1"];
    const run = await runCliHere(
      [...common, ...fast, "--start", "2026-10-01", "--end", "2026-10-31", "--verbose"].concat([
        "--trace",
        "run.jsonl",
      ]),
      { env },
    );
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(said);
    const trace = await readFile(join(run.cwd, "run.jsonl"), "utf8");
    expect(trace).toMatch(/download-(csv|excel)/);

    const text = await runCliHere(["doctor", ...common, ...fast, "--trace", "doctor.jsonl"], {
      env,
    });
    const json = await runCliHere(["doctor", ...common, ...fast, "--json"], { env });
    expect(text.code).toBe(6);
    expect(text.stdout).toMatch(said);
    expect(JSON.parse(json.stdout).steps.at(-1).detail).toMatch(said);
    const doctorTrace = await readFile(join(text.cwd, "doctor.jsonl"), "utf8");

    expectNoPerson("the CLI's output", [run.stdout, run.stderr]);
    expectNoPerson("the run's trace", [trace]);
    expectNoPerson("doctor", [text.stdout, text.stderr, json.stdout, json.stderr]);
    expectNoPerson("doctor's trace", [doctorTrace]);
  });

  it.each(SCENARIOS)(
    "%s: the action, report and doctor, traced",
    async (_label, body, format, said) => {
      const s = await lucca(body);
      const inputs = {
        domain: s.url,
        "api-key": KEY,
        "template-id": "42",
        format,
        "poll-interval": "20ms",
        "max-retries": "1",
        publish: "none",
        trace: "true",
      };
      const run = await runAction(
        { ...inputs, "start-date": "2026-10-01", "end-date": "2026-10-31" },
        { fromSource: true },
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error /m);
      expect(run.stdout).toMatch(said);
      expect(run.stdout).toMatch(/HTTP trace \(\d+ exchanges/);
      const doctor = await runAction({ ...inputs, mode: "doctor" }, { fromSource: true });
      expect(doctor.code).toBe(1);
      expect(doctor.summary).toMatch(said);
      for (const [where, result] of [
        ["the action", run],
        ["the action's doctor", doctor],
      ] as const) {
        expectNoPerson(where, [
          result.stdout,
          result.stderr,
          result.summary,
          JSON.stringify(result.outputs),
        ]);
      }
    },
  );
});
