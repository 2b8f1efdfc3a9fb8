/**
 * Exact sums of decimal values, one per column: each value arrives as an integer mantissa
 * and a count of decimals, and each column's sum is kept as an integer scaled by the most
 * decimals seen so far, so 0.1 + 0.2 is 3 tenths, not 0.30000000000000004. The sum lives in
 * a double while it is a safe integer and moves to a BigInt for good when it would not be.
 */

/** 10^0 to 10^22 are exact doubles; larger powers only ever fail the safe-integer check. */
const POW10 = Array.from({ length: 64 }, (_, n) => 10 ** n);

export interface ColumnSum {
  /** The exact sum, rounded once to the nearest double. */
  sum: number;
  /** The most decimals a value had. */
  decimals: number;
}

export class ColumnSums {
  readonly #sums: Float64Array;
  readonly #decimals: Uint8Array;
  readonly #big: (bigint | undefined)[];

  constructor(columns: number) {
    this.#sums = new Float64Array(columns);
    this.#decimals = new Uint8Array(columns);
    this.#big = new Array(columns).fill(undefined);
  }

  /**
   * Adds `mantissa / 10^decimals`, negated when `negative`. `mantissa` is a safe integer, or a
   * BigInt when it has more digits than a double holds exactly. `decimals` is at most 63.
   */
  add(column: number, negative: boolean, mantissa: number | bigint, decimals: number): void {
    const had = this.#decimals[column] as number;
    if (typeof mantissa === "number" && this.#big[column] === undefined) {
      let sum = this.#sums[column] as number;
      let value = negative ? -mantissa : mantissa;
      if (decimals > had) sum *= POW10[decimals - had] as number;
      else if (decimals < had) value *= POW10[had - decimals] as number;
      const total = sum + value;
      // A product or sum past 2^53 - 1 rounds to at least 2^53, so the check catches it.
      if (Number.isSafeInteger(sum) && Number.isSafeInteger(value) && Number.isSafeInteger(total)) {
        this.#sums[column] = total;
        if (decimals > had) this.#decimals[column] = decimals;
        return;
      }
    }
    this.#addBig(column, negative, mantissa, decimals);
  }

  #addBig(column: number, negative: boolean, mantissa: number | bigint, decimals: number): void {
    const had = this.#decimals[column] as number;
    let sum = this.#big[column] ?? BigInt(this.#sums[column] as number);
    let value = BigInt(mantissa);
    if (negative) value = -value;
    if (decimals > had) {
      sum *= 10n ** BigInt(decimals - had);
      this.#decimals[column] = decimals;
    } else if (decimals < had) {
      value *= 10n ** BigInt(had - decimals);
    }
    this.#big[column] = sum + value;
  }

  result(column: number): ColumnSum {
    const decimals = this.#decimals[column] as number;
    const big = this.#big[column];
    const scaled = big === undefined ? (this.#sums[column] as number) : Number(big);
    // A quotient of two exact doubles is correctly rounded, so toFixed(decimals) prints the
    // exact sum (while it is below 2^53 in units of its last decimal).
    return { sum: scaled / (POW10[decimals] as number), decimals };
  }
}
