import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/server.ts";
import { collect } from "../../simulator/test-client.ts";
import { nodeFileSink } from "../node/node-file-sink.ts";
import { nodeSha256 } from "../node/node-hash.ts";
import { detectDelimiter, firstRecord, parseCsvRecords } from "./csv-parse.ts";
import { downloadReport } from "./download-report.ts";
import { decodeText, detectEncoding } from "./encoding.ts";
import { createLuccaClient } from "./lucca-client.ts";

const KEY = "test-key-totals-5c2a";
let sim: Simulator | undefined;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "download-totals-"));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Downloads one report from a simulator over loopback, with the real client and file sink. */
async function download(options: SimulatorOptions, format: "csv" | "excel" = "csv") {
  sim = await startSimulator({ apiKey: KEY, generationMs: 0, ...options });
  const signal = new AbortController().signal;
  const client = createLuccaClient({
    baseUrl: new URL(sim.url),
    apiKey: KEY,
    fetch,
    signal,
    requestTimeoutMs: 5000,
    maxRetries: 0,
    backoff: { initialMs: 1, maxMs: 1 },
    onRetry: () => {},
  });
  const { id } = await client.createReport({ templateId: "42", startsOn: null, endsOn: null });
  const served = await collect(sim.expectedCsv(id));
  const result = await downloadReport(
    {
      reportId: id,
      format,
      target: (extension) => `report.${extension}`,
      idleTimeoutMs: 5000,
      previewRows: 2,
      createHasher: nodeSha256,
    },
    {
      client,
      sink: nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" }),
      signal,
      onEvent: () => {},
    },
  );
  return { result, served };
}

/** The sum of a column of the served file, as a decimal string, by whole-file parsing. */
function columnSum(bytes: Uint8Array, column: string): string {
  const text = decodeText(bytes, detectEncoding(bytes).encoding);
  const delimiter = detectDelimiter(firstRecord(text));
  const [header = [], ...rows] = parseCsvRecords(text, delimiter, Number.POSITIVE_INFINITY);
  const index = header.indexOf(column);
  // The simulator writes hours with two decimals.
  const cents = rows.reduce((sum, row) => sum + BigInt((row[index] ?? "").replace(/[,.]/, "")), 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

describe("downloadReport totals, from the simulator over loopback", () => {
  it.each([
    ["fr", "utf-8", ["Temps de présence", "Absences", "Temps théorique"]],
    ["en", "utf-8", ["Attendance time", "Leaves", "Theoretical time"]],
    ["fr", "windows-1252", ["Temps de présence", "Absences", "Temps théorique"]],
    ["fr", "utf-16le", ["Temps de présence", "Absences", "Temps théorique"]],
  ] as const)("sums the hour columns of a %s %s report", async (culture, csvEncoding, names) => {
    const { result, served } = await download({ culture, csvEncoding, rows: 3000 });
    expect(result.stats.rows).toBe(3000);
    const totals = result.stats.totals ?? [];
    // Names, employee numbers (zero-padded codes), departments and notes are text.
    expect(totals.map((t) => [t.column, t.index, t.decimals])).toEqual([
      [names[0], 3, 2],
      [names[1], 4, 2],
      [names[2], 5, 2],
    ]);
    for (const [i, total] of totals.entries()) {
      expect(total.sum.toFixed(total.decimals)).toBe(columnSum(served, names[i] as string));
    }
  });

  it("gives no totals for an Excel download", async () => {
    const { result } = await download({ excelFile: "xlsx" }, "excel");
    expect(result.stats.totals).toBeNull();
  });
});
