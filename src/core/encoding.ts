/**
 * The text encodings a Lucca CSV may come in. Lucca documents none: UTF-8 (with or without a
 * BOM) is likely, UTF-16 is what Excel-minded exports sometimes use, and bytes that are not
 * valid UTF-8 are most likely Windows-1252 (what "ANSI" means on a French Windows server).
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** The file opens with the encoding's byte-order mark. */
  bom: boolean;
}

/** Windows-1252's 0x80-0x9F, where it differs from Latin-1; the five unused bytes stay C1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decides from the first bytes of a file: a BOM names UTF-8 or UTF-16; without one, bytes
 * that decode as UTF-8 are UTF-8 (a character cut at the end of `head` is fine), else
 * Windows-1252.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: true };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return { encoding: "utf-8", bom: false };
  } catch {
    return { encoding: "windows-1252", bom: false };
  }
}

export interface StreamDecoder {
  /** Text of `chunk`; with `last` false, a character cut at its end waits for the next one. */
  decode(chunk: Uint8Array, last?: boolean): string;
}

/** A decoder that drops a leading BOM and keeps characters whole across chunks. */
export function createDecoder(encoding: TextEncodingName): StreamDecoder {
  if (encoding === "windows-1252") return { decode: (chunk) => decodeWindows1252(chunk) };
  if (encoding === "utf-8") {
    const decoder = new TextDecoder("utf-8");
    return { decode: (chunk, last = true) => decoder.decode(chunk, { stream: !last }) };
  }
  // UTF-16BE is decoded as LE after swapping byte pairs: only "utf-16le" is in every runtime.
  const decoder = new TextDecoder("utf-16le");
  let carry: number | undefined;
  return {
    decode(chunk, last = true) {
      if (encoding === "utf-16le") return decoder.decode(chunk, { stream: !last });
      const joined = carry === undefined ? chunk : prepend(carry, chunk);
      const even = joined.length - (joined.length % 2);
      // The odd byte out, or undefined (past the end) when there is none.
      carry = joined[even];
      const swapped = new Uint8Array(even);
      // Stryker disable next-line EqualityOperator: `<=` is equivalent
      // Writes past a Uint8Array's end are dropped.
      for (let i = 0; i < even; i += 2) {
        swapped[i] = joined[i + 1] as number;
        swapped[i + 1] = joined[i] as number;
      }
      return decoder.decode(swapped, { stream: !last });
    },
  };
}

/** The whole of `bytes` as text, BOM dropped. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  return createDecoder(encoding).decode(bytes, true);
}

/** The head of a CSV as text, with the encoding it was read in. */
export function decodeHead(head: Uint8Array): DetectedEncoding & { text: string } {
  const detected = detectEncoding(head);
  // The head may end inside a character: decoding it as the last chunk marks that with U+FFFD.
  const text = createDecoder(detected.encoding).decode(head, false);
  return { ...detected, text };
}

function decodeWindows1252(chunk: Uint8Array): string {
  let text = "";
  // Stryker disable next-line EqualityOperator: `<=` is equivalent
  // The extra batch is empty.
  for (let start = 0; start < chunk.length; start += 8192) {
    const end = Math.min(chunk.length, start + 8192);
    // Stryker disable next-line ArrayDeclaration: equivalent
    // `new Array()`: the length only preallocates.
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const byte = chunk[i] as number;
      codes[i - start] = byte >= 0x80 && byte < 0xa0 ? (CP1252_HIGH[byte - 0x80] as number) : byte;
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

function prepend(byte: number, chunk: Uint8Array): Uint8Array {
  const out = new Uint8Array(chunk.length + 1);
  out[0] = byte;
  out.set(chunk, 1);
  return out;
}
