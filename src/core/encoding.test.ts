import { describe, expect, it } from "vitest";
import { createDecoder, decodeHead, decodeText, detectEncoding } from "./encoding.ts";

const TEXT = "Nom;Département;Coût\r\nZoé;R&D;12,5 €\r\n";

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1] as number;
    out[i + 1] = le[i] as number;
  }
  return out;
}

// "é" is 0xE9 and "€" is 0x80 in Windows-1252; neither is valid UTF-8 on its own.
const CP1252 = new Uint8Array(
  [...TEXT].map((char) => (char === "€" ? 0x80 : (char.codePointAt(0) as number))),
);

describe("detectEncoding", () => {
  it("tells each encoding by its BOM or by UTF-8 validity", () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(detectEncoding(utf8)).toEqual({ encoding: "utf-8", bom: false });
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      encoding: "utf-8",
      bom: true,
    });
    expect(detectEncoding(utf16le(TEXT))).toEqual({ encoding: "utf-16le", bom: true });
    expect(detectEncoding(utf16be(TEXT))).toEqual({ encoding: "utf-16be", bom: true });
    expect(detectEncoding(CP1252)).toEqual({ encoding: "windows-1252", bom: false });
  });

  it("keeps UTF-8 when the head ends inside a character", () => {
    const utf8 = new TextEncoder().encode("Département");
    expect(detectEncoding(utf8.subarray(0, 3)).encoding).toBe("utf-8");
  });
});

describe("decoding", () => {
  it("decodes each encoding to the same text, BOM dropped", () => {
    expect(decodeHead(utf16le(TEXT)).text).toBe(TEXT);
    expect(decodeHead(utf16be(TEXT)).text).toBe(TEXT);
    expect(decodeHead(CP1252).text).toBe(TEXT);
    expect(decodeText(new TextEncoder().encode(`\uFEFF${TEXT}`), "utf-8")).toBe(TEXT);
  });

  it("keeps characters whole across chunk boundaries, odd ones included", () => {
    for (const [bytes, encoding] of [
      [utf16be(TEXT), "utf-16be"],
      [utf16le(TEXT), "utf-16le"],
      [new TextEncoder().encode(TEXT), "utf-8"],
    ] as const) {
      for (const cut of [1, 3, 7, 13]) {
        const decoder = createDecoder(encoding);
        let text = "";
        for (let at = 0; at < bytes.length; at += cut) {
          text += decoder.decode(bytes.subarray(at, at + cut), at + cut >= bytes.length);
        }
        expect(text, `${encoding} by ${cut}`).toBe(TEXT);
      }
    }
  });
});
