import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeFileSink, STALE_PART_MS } from "./node-file-sink.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sink-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 12 MiB in chunks of varied sizes: more than the queue holds, so writes wait and batch. */
function chunks(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < 200; i++) {
    const chunk = new Uint8Array(1 + ((i * 7919) % 120_000));
    chunk.fill(i % 251);
    out.push(chunk);
  }
  return out;
}

describe("nodeFileSink", () => {
  it("writes every chunk in order and renames the file into place on commit", async () => {
    const file = await nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" }).create(
      "out/report.csv",
    );
    const writer = file.writable.getWriter();
    const hash = createHash("sha256");
    for (const chunk of chunks()) {
      hash.update(chunk);
      await writer.write(chunk);
    }
    await writer.close();
    await file.commit();
    const written = await readFile(join(dir, "out/report.csv"));
    expect(createHash("sha256").update(written).digest("hex")).toBe(hash.digest("hex"));
    expect(await readdir(join(dir, "out"))).toEqual(["report.csv"]);
  });

  it("leaves nothing behind when discarded in the middle of writing", async () => {
    const file = await nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" }).create(
      "report.csv",
    );
    const writer = file.writable.getWriter();
    for (const chunk of chunks().slice(0, 80)) await writer.write(chunk);
    await writer.abort(new Error("cut"));
    await file.discard();
    await file.discard();
    expect(await readdir(dir)).toEqual([]);
  });

  it("removes this tool's stale .part files beside the target, and nothing else", async () => {
    const old = new Date(Date.now() - STALE_PART_MS - 60_000);
    const names = {
      stale: ".report.csv.0a1b2c3d.part",
      live: ".report.csv.4e5f6a7b.part",
      otherTarget: ".other.csv.0a1b2c3d.part",
      notOurs: ".report.csv.part",
      notHex: ".report.csv.ZZZZZZZZ.part",
    };
    for (const name of Object.values(names)) await writeFile(join(dir, name), "x");
    for (const name of [names.stale, names.otherTarget, names.notOurs, names.notHex]) {
      await utimes(join(dir, name), old, old);
    }
    const file = await nodeFileSink({ baseDir: dir, roots: [dir], label: "--output" }).create(
      "report.csv",
    );
    await file.discard();
    expect((await readdir(dir)).sort()).toEqual(
      [names.live, names.otherTarget, names.notOurs, names.notHex].sort(),
    );
  });
});
