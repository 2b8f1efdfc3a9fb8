import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cliHistoryPath,
  forgetTemplate,
  historyKey,
  MAX_HISTORY_FILE_BYTES,
  readHistory,
  rememberGeneration,
} from "./poll-history.ts";

const dir = mkdtempSync(join(tmpdir(), "poll-history-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fresh = () => join(dir, `${files++}`, "poll-history.json");
const key = historyKey("acme.ilucca.net", "42");

describe("poll history file", () => {
  it("reads a missing file as no history, then remembers the last ten times per template", async () => {
    const path = fresh();
    expect(await readHistory(path, key)).toEqual([]);
    for (let i = 1; i <= 12; i++)
      expect(await rememberGeneration(path, key, i * 1000)).toBeUndefined();
    expect(await readHistory(path, key)).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((s) => s * 1000),
    );
    expect(await readHistory(path, historyKey("acme.ilucca.net", "43"))).toEqual([]);
    expect(await readFile(path, "utf8")).not.toContain("acme");
  });

  it.each([
    ["not JSON", "{"],
    ["another version", JSON.stringify({ version: 2, templates: { [key]: [1000] } })],
    ["a wrong shape", JSON.stringify({ version: 1, templates: { [key]: "1000" } })],
    ["nonsense times", JSON.stringify({ version: 1, templates: { [key]: [-1, "x", null] } })],
  ])("ignores a corrupt file (%s) and replaces it on the next write", async (_name, content) => {
    const path = fresh();
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, content);
    expect(await readHistory(path, key)).toEqual([]);
    expect(await rememberGeneration(path, key, 5000)).toBeUndefined();
    expect(await readHistory(path, key)).toEqual([5000]);
  });

  it("forgets one template and keeps the others", async () => {
    const path = fresh();
    const other = historyKey("acme.ilucca.net", "43");
    await rememberGeneration(path, key, 1000);
    await rememberGeneration(path, other, 2000);
    expect(await forgetTemplate(path, key)).toBeUndefined();
    expect(await readHistory(path, key)).toEqual([]);
    expect(await readHistory(path, other)).toEqual([2000]);
    expect(await forgetTemplate(fresh(), key)).toBeUndefined();
  });

  it("reads only a small regular file: not a link, a FIFO or a file past the cap", async () => {
    const good = fresh();
    await rememberGeneration(good, key, 5000);
    const link = fresh();
    await mkdir(join(link, ".."), { recursive: true });
    await symlink(good, link);
    expect(await readHistory(link, key)).toEqual([]);

    const fifo = fresh();
    await mkdir(join(fifo, ".."), { recursive: true });
    execFileSync("mkfifo", [fifo]);
    // Read as a file, it would wait for a writer for ever.
    expect(await readHistory(fifo, key)).toEqual([]);

    const large = fresh();
    await mkdir(join(large, ".."), { recursive: true });
    const content = JSON.stringify({ version: 1, templates: { [key]: [5000] } });
    await writeFile(large, content.padEnd(MAX_HISTORY_FILE_BYTES + 1, " "));
    expect(await readHistory(large, key)).toEqual([]);
    await writeFile(large, content.padEnd(MAX_HISTORY_FILE_BYTES, " "));
    expect(await readHistory(large, key)).toEqual([5000]);
  });

  it("returns a failed write instead of throwing it", async () => {
    const blocker = join(dir, "a-file");
    await writeFile(blocker, "");
    const error = await rememberGeneration(join(blocker, "poll-history.json"), key, 5000);
    expect(error).toBeInstanceOf(Error);
  });

  it("lives under XDG_CACHE_HOME, else $HOME/.cache, else nowhere", () => {
    const file = "lucca-report/poll-history.json";
    expect(cliHistoryPath({ XDG_CACHE_HOME: "/x/cache", HOME: "/h" })).toBe(`/x/cache/${file}`);
    expect(cliHistoryPath({ XDG_CACHE_HOME: "relative", HOME: "/h" })).toBe(`/h/.cache/${file}`);
    expect(cliHistoryPath({ HOME: "" })).toBeUndefined();
  });
});
