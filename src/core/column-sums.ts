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
  /** 1 once the column's sum lives in #big. */
  readonly #isBig: Uint8Array;
  readonly #big: bigint[];

  constructor(columns: number) {
    this.#sums = new Float64Array(columns);
    this.#decimals = new Uint8Array(columns);
    this.#isBig = new Uint8Array(columns);
    this.#big = new Array<bigint>(columns).fill(0n);
  }

  /** Adds `value / 10^decimals`; `value` is a safe integer, `decimals` at most 63. */
  add(column: number, value: number, decimals: number): void {
    // The common case, small enough to be inlined into the scan: same scale, still a double.
    if (decimals === this.#decimals[column] && this.#isBig[column] === 0) {
      const total = (this.#sums[column] as number) + value;
      if (total <= Number.MAX_SAFE_INTEGER && total >= -Number.MAX_SAFE_INTEGER) {
        this.#sums[column] = total;
        return;
      }
    }
    this.#rescale(column, value, decimals);
  }

  #rescale(column: number, value: number, decimals: number): void {
    const had = this.#decimals[column] as number;
    if (this.#isBig[column] === 0) {
      let sum = this.#sums[column] as number;
      let scaled = value;
      if (decimals > had) sum *= POW10[decimals - had] as number;
      else if (decimals < had) scaled *= POW10[had - decimals] as number;
      const total = sum + scaled;
      // A product or sum past 2^53 - 1 rounds to at least 2^53, so the check catches it.
      if (
        Number.isSafeInteger(sum) &&
        Number.isSafeInteger(scaled) &&
        Number.isSafeInteger(total)
      ) {
        this.#sums[column] = total;
        if (decimals > had) this.#decimals[column] = decimals;
        return;
      }
    }
    this.addBig(column, BigInt(value), decimals);
  }

  /** Adds `value / 10^decimals` for a value with more digits than a double holds exactly. */
  addBig(column: number, value: bigint, decimals: number): void {
    const had = this.#decimals[column] as number;
    let sum =
      this.#isBig[column] === 1
        ? (this.#big[column] as bigint)
        : BigInt(this.#sums[column] as number);
    let scaled = value;
    if (decimals > had) {
      sum *= 10n ** BigInt(decimals - had);
      this.#decimals[column] = decimals;
    } else if (decimals < had) {
      scaled *= 10n ** BigInt(had - decimals);
    }
    this.#big[column] = sum + scaled;
    this.#isBig[column] = 1;
  }

  result(column: number): ColumnSum {
    const decimals = this.#decimals[column] as number;
    const scaled =
      this.#isBig[column] === 1 ? Number(this.#big[column]) : (this.#sums[column] as number);
    // A quotient of two exact doubles is correctly rounded, so toFixed(decimals) prints the
    // exact sum (while it is below 2^53 in units of its last decimal).
    return { sum: scaled / (POW10[decimals] as number), decimals };
  }
}
