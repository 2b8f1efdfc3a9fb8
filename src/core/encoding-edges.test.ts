import { describe, expect, it } from "vitest";
import { createDecoder, decodeHead, decodeText, detectEncoding } from "./encoding.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("detectEncoding at the edges", () => {
  it("needs all three bytes of the UTF-8 BOM", () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf))).toEqual({ encoding: "utf-8", bom: true });
    // EF BB then a letter, EF then BB BF wrongly led, and BB BF alone are no BOM (nor UTF-8).
    for (const head of [
      bytes(0xef, 0xbb, 0x41),
      bytes(0xef, 0x41, 0xbf),
      bytes(0x41, 0xbb, 0xbf),
      bytes(0xef, 0x41, 0x41),
    ]) {
      expect(detectEncoding(head), head.join(",")).toEqual({
        encoding: "windows-1252",
        bom: false,
      });
    }
  });

  it("needs both bytes of a UTF-16 BOM, in their order", () => {
    expect(detectEncoding(bytes(0xff, 0xfe))).toEqual({ encoding: "utf-16le", bom: true });
    expect(detectEncoding(bytes(0xfe, 0xff))).toEqual({ encoding: "utf-16be", bom: true });
    for (const head of [
      bytes(0xff, 0x41),
      bytes(0x41, 0xfe),
      bytes(0xfe, 0x41),
      bytes(0x41, 0xff),
    ]) {
      expect(detectEncoding(head), head.join(",")).toEqual({
        encoding: "windows-1252",
        bom: false,
      });
    }
  });

  it("takes an empty head and plain ASCII as UTF-8 without a BOM", () => {
    expect(detectEncoding(bytes())).toEqual({ encoding: "utf-8", bom: false });
    expect(detectEncoding(bytes(0x61, 0x3b, 0x62))).toEqual({ encoding: "utf-8", bom: false });
  });
});

describe("decoding the last chunk", () => {
  it("marks a character cut at the end when the chunk is the last, by default", () => {
    const cut = new TextEncoder().encode("aé").subarray(0, 2);
    expect(createDecoder("utf-8").decode(cut)).toBe("a\uFFFD");
    expect(createDecoder("utf-8").decode(cut, false)).toBe("a");
    // A lone byte of UTF-16LE, and half a surrogate pair of UTF-16BE.
    expect(createDecoder("utf-16le").decode(bytes(0x41, 0x00, 0x42))).toBe("A\uFFFD");
    expect(createDecoder("utf-16le").decode(bytes(0x41, 0x00, 0x42), false)).toBe("A");
    expect(createDecoder("utf-16be").decode(bytes(0x00, 0x41, 0xd8, 0x3d))).toBe("A\uFFFD");
    expect(createDecoder("utf-16be").decode(bytes(0x00, 0x41, 0xd8, 0x3d), false)).toBe("A");
  });

  it("decodes a head cut inside a character without marking the cut", () => {
    // "é" is two bytes in UTF-8: the head ends after the first.
    const head = new TextEncoder().encode("Nom;Département").subarray(0, 6);
    expect(decodeHead(head)).toEqual({ encoding: "utf-8", bom: false, text: "Nom;D" });
  });

  it("decodes a whole text as the last chunk: a character cut at its end is marked", () => {
    expect(decodeText(new TextEncoder().encode("aé").subarray(0, 2), "utf-8")).toBe("a\uFFFD");
    expect(decodeText(bytes(0x41, 0x00, 0x42), "utf-16le")).toBe("A\uFFFD");
  });

  it("drops the BOM of each encoding", () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61), "utf-8")).toBe("a");
    expect(decodeText(bytes(0xff, 0xfe, 0x61, 0x00), "utf-16le")).toBe("a");
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x61), "utf-16be")).toBe("a");
  });

  it("joins a UTF-16BE pair cut between chunks, even after an odd cut", () => {
    const decoder = createDecoder("utf-16be");
    expect(decoder.decode(bytes(0x00), false)).toBe("");
    expect(decoder.decode(bytes(0x41, 0x00), false)).toBe("A");
    expect(decoder.decode(bytes(0xe9), true)).toBe("é");
  });
});

describe("Windows-1252", () => {
  it("maps 0x80-0x9F by the Windows table and every other byte to the same code point", () => {
    const all = new Uint8Array(256).map((_, i) => i);
    // WHATWG's windows-1252 is the same table, the five unused bytes kept as C1 controls.
    expect(decodeText(all, "windows-1252")).toBe(new TextDecoder("windows-1252").decode(all));
    expect(decodeText(bytes(0x7f, 0x80, 0x81, 0x9f, 0xa0, 0xe9, 0xff), "windows-1252")).toBe(
      "\u007f\u20ac\u0081\u0178\u00a0\u00e9\u00ff",
    );
  });

  it("decodes a chunk longer than one batch of characters, none lost or moved", () => {
    const long = new Uint8Array(8192 * 2 + 123).map((_, i) => (i * 7) % 256);
    const text = decodeText(long, "windows-1252");
    expect(text).toBe(new TextDecoder("windows-1252").decode(long));
    expect(text).toHaveLength(long.length);
    expect(decodeText(bytes(), "windows-1252")).toBe("");
  });

  it("decodes each chunk on its own: every byte is a whole character", () => {
    const decoder = createDecoder("windows-1252");
    expect(decoder.decode(bytes(0x80), false)).toBe("€");
    expect(decoder.decode(bytes(0x43, 0x61, 0x66, 0xe9))).toBe("Café");
  });
});
