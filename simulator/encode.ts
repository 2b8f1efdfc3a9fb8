import type { CsvEncoding } from "./options.ts";

/** Windows-1252's 0x80-0x9F, where it differs from Latin-1; 0 marks the five unused bytes. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function windows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const high = CP1252_HIGH.indexOf(code);
    out[length++] =
      high >= 0 && code !== 0
        ? 0x80 + high
        : code < 0x80 || (code >= 0xa0 && code <= 0xff)
          ? code
          : 0x3f;
  }
  return out.subarray(0, length);
}

/**
 * The text as a CSV file in `encoding`: UTF-8 as is (its BOM, if any, is part of the text),
 * UTF-16 with its byte-order mark, Windows-1252 without one ("?" for what it cannot hold).
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  const plain = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (encoding === "windows-1252") return windows1252(plain);
  const le = Buffer.from(`\uFEFF${plain}`, "utf16le");
  return encoding === "utf-16le" ? le : le.swap16();
}
