import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countRecordsByteWise,
  countRecordsWordWise,
  type RecordCount,
  type RecordCounter,
  wasmRecordCounter,
} from "./row-counter.ts";

const wasm = wasmRecordCounter();

/** An independent reading of the rule, on text: the oracle the counters are held to. */
function oracle(bytes: Uint8Array): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (const byte of bytes) {
    if (byte === 0x22) {
      quoted = !quoted;
      content = true;
    } else if (byte === 0x0a && !quoted) {
      if (content) records++;
      content = false;
    } else if (byte !== 0x0a && byte !== 0x0d) content = true;
  }
  return records + (content ? 1 : 0);
}

function countWith(counter: RecordCounter, bytes: Uint8Array, cuts: number[]): number {
  const count: RecordCount = { records: 0, quoted: false, content: false };
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    counter(bytes.subarray(from, cut), count);
    from = cut;
  }
  return count.records + (count.content ? 1 : 0);
}

/** Bytes from a small alphabet, so quotes, CR, LF and blank lines meet often. */
const csvBytes = (maxLength: number) =>
  fc
    .array(fc.constantFrom(0x22, 0x0a, 0x0d, 0x0d, 0x0a, 0x61, 0x3b, 0xef, 0xbb, 0xbf, 0x20), {
      maxLength,
    })
    .map((bytes) => Uint8Array.from(bytes));

const withCuts = (maxLength: number) =>
  csvBytes(maxLength).chain((bytes) =>
    fc.tuple(
      fc.constant(bytes),
      fc
        .uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 })
        .map((cuts) => cuts.sort((a, b) => a - b)),
      // An offset into a larger buffer, so the word-wise counter meets every alignment.
      fc.integer({ min: 0, max: 7 }),
    ),
  );

function placed(bytes: Uint8Array, offset: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + offset);
  buffer.set(bytes, offset);
  return buffer.subarray(offset);
}

describe("record counters", () => {
  it("runs the WebAssembly SIMD counter on this Node", () => {
    expect(wasm).toBeTypeOf("function");
  });

  it.each([
    ["LF", "a;b\nc;d\n", 2],
    ["CRLF", "a;b\r\nc;d\r\n", 2],
    ["blank lines of LF and CRLF", "\n\r\na\n\n\r\n\r\r\nb\r\n\n", 2],
    ["a bare CR is data", "a\rb\rc\n", 1],
    ["newlines inside quotes", 'a;"x\r\ny\nz"\nb\n', 2],
    ["doubled quotes", 'a;"say ""hi""\n"\nb\n', 2],
    ["a BOM", "\uFEFFa\nb\n", 2],
  ])("counts %s", (_name, text, expected) => {
    const bytes = new TextEncoder().encode(text.repeat(20));
    for (const counter of [countRecordsByteWise, countRecordsWordWise, wasm as RecordCounter]) {
      expect(countWith(counter, bytes, [])).toBe(expected * 20);
    }
  });

  it("counts a last record without a line end", () => {
    const bytes = new TextEncoder().encode(`${"a;b\n".repeat(40)}c;d`);
    for (const counter of [countRecordsByteWise, countRecordsWordWise, wasm as RecordCounter]) {
      expect(countWith(counter, bytes, [])).toBe(41);
    }
  });

  it("agree with each other and the rule on thousands of inputs cut anywhere", () => {
    fc.assert(
      fc.property(withCuts(300), ([bytes, cuts, offset]) => {
        const input = placed(bytes, offset);
        const expected = oracle(bytes);
        expect(countWith(countRecordsByteWise, input, cuts)).toBe(expected);
        expect(countWith(countRecordsWordWise, input, cuts)).toBe(expected);
        expect(countWith(wasm as RecordCounter, input, cuts)).toBe(expected);
      }),
      { numRuns: 4000, seed: 13 },
    );
  });

  it("agree on long inputs that cross many 64-byte blocks and the 1 MiB window", () => {
    fc.assert(
      fc.property(withCuts(5000), ([bytes, cuts]) => {
        expect(countWith(wasm as RecordCounter, bytes, cuts)).toBe(oracle(bytes));
      }),
      { numRuns: 300, seed: 14 },
    );
    const big = new TextEncoder().encode('id;"note\r\nsuite";x\r\n\r\n'.repeat(60_000));
    expect(big.length).toBeGreaterThan(1 << 20);
    expect(countWith(wasm as RecordCounter, big, [(1 << 20) + 3])).toBe(oracle(big));
    // In one piece, more than a window past the module's memory: copied a window at a time.
    expect(countWith(wasm as RecordCounter, big, [])).toBe(oracle(big));
  });
});
