/**
 * heldBackProblems: how a failure @actions/cache swallows (a `::warning::`/`::error::` line on
 * stdout) becomes the one-line problem the caller reports. Driven with the exact lines
 * @actions/core writes, without the cache client.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { heldBackProblems } from "../src/publish/change-cache.ts";

let output = "";
beforeEach(() => {
  output = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    output += typeof chunk === "string" ? chunk : `<bytes ${Buffer.from(chunk as Uint8Array)}>`;
    (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const print = (chunk: string | Uint8Array) =>
  new Promise<void>((resolve) => {
    process.stdout.write(chunk, () => resolve());
  });

describe("heldBackProblems", () => {
  it("holds back warning and error commands, the last one being the problem", async () => {
    const write = process.stdout.write;
    const call = await heldBackProblems(async () => {
      await print("::warning::first\n");
      await print("note ::warning::mid-line, not a command\n");
      await print("::warning::a\u2028b\n");
      await print(Buffer.from("::warning::bytes\n"));
      await print("plain line\n");
      await print("::error file=cache.ts,line=3::second%0Aline %25 done%0D%0A\n");
      return 42;
    });
    expect(call).toEqual({ value: 42, problem: "second line % done" });
    expect(process.stdout.write).toBe(write);
    expect(output).toBe(
      "note ::warning::mid-line, not a command\n" +
        "::warning::a\u2028b\n" +
        "<bytes ::warning::bytes\n>" +
        "plain line\n" +
        "::debug::@actions/cache warning: first\n" +
        "::debug::@actions/cache error: second line %25 done\n",
    );
  });

  it("keeps a command that spans lines as printed", async () => {
    const call = await heldBackProblems(async () => {
      await print("::warning::one\n::warning::two\n");
    });
    expect(call).toEqual({ value: undefined, problem: undefined });
    expect(output).toBe("::warning::one\n::warning::two\n");
  });

  it("takes a thrown error as the problem, and restores stdout", async () => {
    const write = process.stdout.write;
    const call = await heldBackProblems(async () => {
      await print("::warning::held\n");
      throw new Error("Key Validation Error: k cannot contain commas.");
    });
    expect(call).toEqual({
      value: undefined,
      problem: "Key Validation Error: k cannot contain commas.",
    });
    expect(process.stdout.write).toBe(write);
    expect(output).toBe("::debug::@actions/cache warning: held\n");
  });
});
