import { ColumnSums } from "./column-sums.ts";

/** The sum of one numeric column: column sums, never a row's values. */
export interface ColumnTotal {
  /** The column's name in the header (cut like the preview's cells). */
  column: string;
  /** Its position in the header, from 0. */
  index: number;
  /** The exact sum rounded once to a double: `sum.toFixed(decimals)` prints it exactly. */
  sum: number;
  /** The most decimals one of its values had. */
  decimals: number;
}

/** How a value's thousands separators were written, which only the file's encoding can judge. */
export const SEP_UTF8 = 1;
export const SEP_LATIN = 2;

/**
 * What the scan learns of each column: whether every value so far was a number, and their
 * sum. The typed arrays are read and written straight from the scan's loop.
 */
export class ColumnTally {
  readonly count: number;
  /** A value of the column was no number. */
  readonly dead: Uint8Array;
  /** The column had a number. */
  readonly counted: Uint8Array;
  /** SEP_* flags of the column's values. */
  readonly separators: Uint8Array;
  readonly sums: ColumnSums;
  #alive: number;
  /** Every column has met a value that is no number: nothing is left to sum. */
  allText: boolean;

  constructor(count: number) {
    this.count = count;
    this.dead = new Uint8Array(count);
    this.counted = new Uint8Array(count);
    this.separators = new Uint8Array(count);
    this.sums = new ColumnSums(count);
    this.#alive = count;
    this.allText = count === 0;
  }

  /** A value of `column` is no number: the column gets no total. */
  fail(column: number): void {
    if (column < this.count && this.dead[column] === 0) {
      this.dead[column] = 1;
      if (--this.#alive === 0) this.allText = true;
    }
  }

  /** Adds a value the scan's short path leaves out: written with separators, or too long. */
  add(
    column: number,
    negative: boolean,
    mantissa: number | bigint,
    decimals: number,
    separators: number,
  ): void {
    this.counted[column] = 1;
    this.separators[column] = (this.separators[column] as number) | separators;
    if (typeof mantissa === "number")
      this.sums.add(column, negative ? -mantissa : mantissa, decimals);
    else this.sums.addBig(column, negative ? -mantissa : mantissa, decimals);
  }

  /** The columns summed, named from `header`. `latin`: the bytes were read as Windows-1252. */
  totals(header: string[], latin: boolean): ColumnTotal[] {
    const totals: ColumnTotal[] = [];
    for (let index = 0; index < this.count && index < header.length; index++) {
      // Bytes that only the other encoding reads as an NBSP made the value text.
      const text = (this.separators[index] as number) & (latin ? SEP_UTF8 : SEP_LATIN);
      if (this.dead[index] === 1 || this.counted[index] === 0 || text) continue;
      totals.push({ column: header[index] as string, index, ...this.sums.result(index) });
    }
    return totals;
  }
}
