/**
 * The number grammar of a CSV value, read one byte at a time as the value streams past:
 * `-`? (0 | [1-9]\d* | [1-9]\d{0,2}(␣\d{3})+) (mark \d+)?, where ␣ is a space, an NBSP or a
 * narrow NBSP (French culture's thousands separators, in strict groups of three) and mark
 * the decimal mark. Leading zeros make a code (an employee number), not a quantity; so do
 * signs other than `-`, exponents, a bare mark, and more than MAX_DIGITS digits.
 */

export const N_START = 0;
const N_SIGN = 1;
const N_ZERO = 2;
const N_INT = 3;
const N_AFTER_SEP = 4;
const N_GROUP = 5;
const N_FRAC_START = 6;
const N_FRAC = 7;
/** Inside a UTF-8 NBSP (C2 A0), or a narrow NBSP (E2 80 AF). */
const N_C2 = 8;
const N_E2 = 9;
const N_E280 = 10;
/** After a CR, which is part of the value unless a line feed ending the record follows. */
export const N_CR = 11;
/** Not a number, or a value no one sums: only where it ends matters. */
export const N_SKIP = 12;

/** How a value's separators were written, which only the file's encoding can judge. */
export const SEP_UTF8 = 1;
export const SEP_LATIN = 2;

/** More digits than this make a code, not a quantity (and keep the sums cheap). */
const MAX_DIGITS = 40;
/** Digits a double holds exactly in every case; more spill into a BigInt. */
const SAFE_DIGITS = 15;

const CR = 0x0d;
const SPACE = 0x20;
const NBSP = 0xa0;
const MINUS = 0x2d;

/** The value read so far. */
export interface NumberScan {
  negative: boolean;
  /** The last digits read, up to SAFE_DIGITS of them. */
  low: number;
  lowDigits: number;
  /** The digits before `low`, when there are more than SAFE_DIGITS. */
  high: bigint | undefined;
  digits: number;
  decimals: number;
  /** Digits in the current thousands group (or in the whole integer part, ungrouped). */
  group: number;
  separators: number;
  /** The state before a CR, to return to when the CR turns out to be the line end. */
  beforeCR: number;
}

export function newNumberScan(): NumberScan {
  return {
    negative: false,
    low: 0,
    lowDigits: 0,
    high: undefined,
    digits: 0,
    decimals: 0,
    group: 0,
    separators: 0,
    beforeCR: N_START,
  };
}

/** Starts a new value. */
export function resetNumber(scan: NumberScan): void {
  scan.negative = false;
  scan.low = 0;
  scan.lowDigits = 0;
  scan.high = undefined;
  scan.digits = 0;
  scan.decimals = 0;
  scan.group = 0;
  scan.separators = 0;
}

/** The state after the digit `digit` (0 to 9); N_SKIP when the value is no number. */
export function numberDigit(scan: NumberScan, state: number, digit: number): number {
  let next = state;
  if (state === N_INT || state === N_FRAC || state === N_GROUP) {
    if (state === N_FRAC) scan.decimals++;
    else if (++scan.group > 3 && state === N_GROUP) return N_SKIP;
  } else if (state === N_START || state === N_SIGN) {
    next = digit === 0 ? N_ZERO : N_INT;
    scan.group = 1;
  } else if (state === N_AFTER_SEP) {
    next = N_GROUP;
    scan.group = 1;
  } else if (state === N_FRAC_START) {
    next = N_FRAC;
    scan.decimals = 1;
  } else {
    return N_SKIP;
  }
  if (++scan.digits > MAX_DIGITS) return N_SKIP;
  if (scan.lowDigits === SAFE_DIGITS) {
    scan.high = (scan.high ?? 0n) * 10n ** BigInt(SAFE_DIGITS) + BigInt(scan.low);
    scan.low = digit;
    scan.lowDigits = 1;
  } else {
    scan.low = scan.low * 10 + digit;
    scan.lowDigits++;
  }
  return next;
}

/** The state after a byte that is not a digit; N_SKIP when the value is no number. */
export function numberCharacter(scan: NumberScan, state: number, byte: number, mark: number) {
  const grouped = state === N_GROUP;
  // A separator or the decimal mark may follow 1 to 3 digits, or a whole group of three.
  const groupEnds = grouped ? scan.group === 3 : state === N_INT && scan.group <= 3;
  if (byte === mark) {
    return state === N_INT || state === N_ZERO || groupEnds ? N_FRAC_START : N_SKIP;
  }
  if (byte === CR) {
    // After two CRs the value is no number, unless the record turns out a blank line.
    scan.beforeCR = state;
    return N_CR;
  }
  if (groupEnds) {
    if (byte === SPACE) return N_AFTER_SEP;
    if (byte === NBSP) {
      scan.separators |= SEP_LATIN;
      return N_AFTER_SEP;
    }
    if (byte === 0xc2) return N_C2;
    if (byte === 0xe2) return N_E2;
  }
  if (state === N_START && byte === MINUS) {
    scan.negative = true;
    return N_SIGN;
  }
  if (state === N_C2 && byte === NBSP) {
    scan.separators |= SEP_UTF8;
    return N_AFTER_SEP;
  }
  if (state === N_E2 && byte === 0x80) return N_E280;
  if (state === N_E280 && byte === 0xaf) {
    scan.separators |= SEP_UTF8;
    return N_AFTER_SEP;
  }
  return N_SKIP;
}

/** A value that ended in `state` is a whole number. */
export function isNumber(scan: NumberScan, state: number): boolean {
  return (
    state === N_INT ||
    state === N_FRAC ||
    state === N_ZERO ||
    (state === N_GROUP && scan.group === 3)
  );
}

/** The value's digits as one integer, decimals included. */
export function mantissa(scan: NumberScan): number | bigint {
  return scan.high === undefined
    ? scan.low
    : scan.high * 10n ** BigInt(scan.lowDigits) + BigInt(scan.low);
}
