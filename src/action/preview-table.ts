import { escapeCell } from "../core/markdown.ts";

export interface PreviewLimits {
  /** Characters a cell keeps before it is cut with an ellipsis. */
  maxCell: number;
  /** Columns shown; the rest are left out and said so by the caller. */
  maxColumns: number;
  /** Characters the whole table may take: GitHub's summary limit is 1 MiB per step. */
  maxChars: number;
}

/** A Markdown table of the CSV's first rows, every cell escaped; stops at `maxChars`. */
export function previewTable(
  header: string[],
  rows: string[][],
  limits: PreviewLimits,
): { table: string[]; shown: number; width: number } {
  const width = Math.min(Math.max(header.length, 1), limits.maxColumns);
  const cells = (fields: string[]) =>
    `| ${Array.from({ length: width }, (_, index) => escapeCell(cut(fields[index] ?? "", limits.maxCell))).join(" | ")} |`;
  const align = Array.from({ length: width }, (_, index) =>
    isNumericColumn(rows.map((fields) => fields[index] ?? "")) ? " ---: |" : " --- |",
  ).join("");
  const table = [cells(header), `|${align}`];
  let size = table.join("\n").length;
  let shown = 0;
  for (const fields of rows) {
    const line = cells(fields);
    if (size + line.length > limits.maxChars) break;
    table.push(line);
    size += line.length + 1;
    shown++;
  }
  return { table, shown, width };
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/**
 * Decimal commas and points, a sign, and grouping spaces count: "7,5", "-12.25", "1 234,5".
 * Zero-padded codes ("00000042", an employee number) are ids, not numbers, as for the totals.
 */
const NUMBER = /^[-+]?(0|[1-9]\d*|[1-9]\d{0,2}([ \u00a0\u202f]\d{3})+)([.,]\d+)?$/;

/** A column reads as numbers when it has one and every filled cell is one. */
export function isNumericColumn(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((cell) => NUMBER.test(cell));
}
