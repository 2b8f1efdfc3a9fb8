import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { collect } from "../../simulator/test-client.ts";
import { runCliHere } from "../support/cli.ts";

const KEY = "test-key-encodings";
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const CSV = "\uFEFFCollaborateur;Département;Coût\r\nZoé Lefèvre;R&D;12,5 €\r\nÉlodie;Paie;7\r\n";

describe("CSV encodings end to end", () => {
  for (const csvEncoding of ["windows-1252", "utf-16le", "utf-16be"] as const) {
    it(`keeps a ${csvEncoding} file byte for byte and says which encoding it is`, async () => {
      sim = await startSimulator({ apiKey: KEY, generationMs: 20, csvBody: CSV, csvEncoding });
      const run = await runCliHere(
        ["--domain", sim.url, "--template-id", "42", "--poll-interval", "20ms", "--json"],
        { env: { LUCCA_API_KEY: KEY } },
      );
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({ encoding: csvEncoding, rows: 2, columns: 3 });
      expect(result.bom).toBe(csvEncoding !== "windows-1252");
      const saved = await readFile(result.path);
      expect(saved.equals(await collect(sim.expectedCsv("1001")))).toBe(true);
    });
  }

  it("shows the encoding in the text summary", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 20, csvBody: CSV });
    const run = await runCliHere(
      ["--domain", sim.url, "--template-id", "42", "--poll-interval", "20ms"],
      { env: { LUCCA_API_KEY: KEY } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows × 3 columns");
    expect(run.stdout).toContain("UTF-8 with BOM");
  });
});
