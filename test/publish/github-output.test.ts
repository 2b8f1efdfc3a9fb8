import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { afterEach, describe, expect, it } from "vitest";
import { parseOutputFile } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";

const saved = process.env.GITHUB_OUTPUT;
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = saved;
});

describe("GITHUB_OUTPUT stays safe (the real @actions/core writer)", () => {
  it("a value with line breaks cannot add another output", async () => {
    const file = join(await tempDir("lucca-output-"), "output");
    await writeFile(file, "");
    process.env.GITHUB_OUTPUT = file;
    const hostile = "77\npath=/etc/passwd\npath<<EOF\n/etc/passwd\nEOF";
    core.setOutput("report-id", hostile);
    const outputs = parseOutputFile(await readFile(file, "utf8"));
    expect(outputs).toEqual({ "report-id": hostile });
    // Read as the runner does: the value's lines stay inside the random delimiter.
    expect(await readFile(file, "utf8")).toMatch(/^report-id<<ghadelimiter_[0-9a-f-]+\n/);
  });
});
