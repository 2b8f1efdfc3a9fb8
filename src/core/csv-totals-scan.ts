import { type ColumnTally, SEP_LATIN, SEP_UTF8 } from "./column-tally.ts";

/*
 * The data records of a CSV, scanned byte by byte for the totals: records end as csv-records.ts
 * says (a line feed outside quotes, every quote toggling), fields split as parseCsvFields does
 * (a quote opens only at a field's start, a doubled quote inside quotes is a character), and
 * each value of a summed column is read against the number grammar as it streams past:
 *
 *   -? (0 | [1-9]\d* | [1-9]\d{0,2}(␣\d{3})+) (mark \d+)?
 *
 * where ␣ is a space, an NBSP or a narrow NBSP (French culture's thousands separators, in
 * strict groups of three) and mark the decimal mark. Leading zeros make a code (an employee
 * number), not a quantity; so do other signs, exponents, a bare mark, and over MAX_DIGITS digits.
 *
 * Speed (bench/csv-totals.ts): everything the loop touches per byte is a local; the text of
 * columns no longer summed, delimiters included, takes one tight loop, and so do the digits
 * of a plain number.
 */

const START = 0;
const SIGN = 1;
const ZERO_ONLY = 2;
const INT = 3;
const AFTER_SEP = 4;
const GROUP = 5;
const FRAC_START = 6;
const FRAC = 7;
/** Inside a UTF-8 NBSP (C2 A0), or a narrow NBSP (E2 80 AF). */
const C2 = 8;
const E2 = 9;
const E280 = 10;
/** After a CR, which is part of the value unless a line feed ending the record follows. */
const AFTER_CR = 11;
/** Not a number, or a field whose column is not summed: only where it ends matters. */
const SKIP = 12;

/** More digits than this make a code, not a quantity (and keep the sums cheap). */
const MAX_DIGITS = 40;
/** Digits a double holds exactly in every case; more spill into a BigInt. */
const SAFE_DIGITS = 15;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const NBSP = 0xa0;
const MINUS = 0x2d;

/** A value that ended in `state` with `digits` digits is a whole number. */
function isNumber(state: number, group: number, digits: number): boolean {
  const complete =
    state === INT || state === FRAC || state === ZERO_ONLY || (state === GROUP && group === 3);
  return complete && digits <= MAX_DIGITS;
}

export class TotalsScan {
  readonly #tally: ColumnTally;
  readonly #delimiter: number;
  readonly #mark: number;
  /** Bytes that can end a stretch of text: bit 1 outside quotes, bit 2 inside. */
  readonly #stops = new Uint8Array(256);

  // Where the scan is between two chunks.
  /** Inside quotes by the record rule, which decides where records end. */
  #parity = false;
  /** Quoting by the field rule: 0 outside, 1 inside, 2 just after a quote inside quotes. */
  #fieldQuote = 0;
  /** The field has a character: a quote now is a character, not an opening. */
  #started = false;
  /** The record has a byte other than CR (a record of CRs alone is a blank line). */
  #content = false;
  #column = 0;
  #state: number;
  /** The state before a CR, to return to when the CR is the line end. */
  #beforeCR = START;
  #negative = false;
  /** The last digits read, up to SAFE_DIGITS of them. */
  #low = 0;
  #lowDigits = 0;
  /** The digits before #low, when there are more than SAFE_DIGITS, and how many. */
  #high = 0n;
  #spilled = 0;
  /** Digits before the decimal mark. */
  #intDigits = 0;
  /** Digits in the current thousands group. */
  #group = 0;
  #valueSeparators = 0;

  /** `delimiter`: a byte, or -1 for none; `mark`: the decimal mark's byte. */
  constructor(tally: ColumnTally, delimiter: number, mark: number) {
    this.#tally = tally;
    this.#delimiter = delimiter;
    this.#mark = mark;
    this.#state = tally.count > 0 ? START : SKIP;
    if (delimiter >= 0) this.#stops[delimiter] = 1;
    this.#stops[CR] = 1;
    this.#stops[QUOTE] = 3;
    this.#stops[LF] = 3;
  }

  /** Reads bytes[from..]. */
  scan(bytes: Uint8Array, from: number): void {
    const stops = this.#stops;
    const delimiter = this.#delimiter;
    const mark = this.#mark;
    const tally = this.#tally;
    const dead = tally.dead;
    const counted = tally.counted;
    const sums = tally.sums;
    const columns = tally.count;
    const n = bytes.length;
    let parity = this.#parity;
    let fieldQuote = this.#fieldQuote;
    let started = this.#started;
    let content = this.#content;
    let column = this.#column;
    let state = this.#state;
    let negative = this.#negative;
    let low = this.#low;
    let lowDigits = this.#lowDigits;
    let spilled = this.#spilled;
    let intDigits = this.#intDigits;
    let group = this.#group;
    let separators = this.#valueSeparators;
    chunk: for (let i = from; i < n; i++) {
      let byte = bytes[i] as number;
      if (state === SKIP) {
        // Text of a field that is not summed: skip to the next byte that can end it.
        if (fieldQuote === 1) {
          while ((stops[byte] as number) < 2) {
            if (++i === n) break chunk;
            byte = bytes[i] as number;
          }
        } else {
          // Outside quotes, the fields of the columns after it that are not summed either.
          while (true) {
            if (stops[byte] === 0) {
              fieldQuote = 0;
              started = true;
              content = true;
              do {
                if (++i === n) break chunk;
                byte = bytes[i] as number;
              } while (stops[byte] === 0);
            }
            if (byte !== delimiter || (column + 1 < columns && dead[column + 1] === 0)) break;
            column++;
            fieldQuote = 0;
            started = false;
            content = true;
            if (++i === n) break chunk;
            byte = bytes[i] as number;
          }
        }
      } else if (fieldQuote !== 2 && (state === START || state === INT || state === FRAC)) {
        // The common shape of a number, [1-9]\d*(mark\d+)?, in one go: the same steps as the
        // rule below, without its tests. What does not fit is left to the rule.
        let digit = byte - 0x30;
        if (state === START && digit >= 1 && digit <= 9) {
          state = INT;
          low = digit;
          lowDigits = 1;
          started = true;
          content = true;
          if (++i === n) break;
          byte = bytes[i] as number;
          digit = byte - 0x30;
        }
        while (state !== START) {
          while (digit >= 0 && digit <= 9 && lowDigits < SAFE_DIGITS) {
            low = low * 10 + digit;
            lowDigits++;
            if (++i === n) break chunk;
            byte = bytes[i] as number;
            digit = byte - 0x30;
          }
          if (byte !== mark || state !== INT || spilled !== 0) break;
          state = FRAC_START;
          intDigits = lowDigits;
          if (++i === n) break chunk;
          byte = bytes[i] as number;
          digit = byte - 0x30;
          if (digit < 0 || digit > 9) break;
          state = FRAC;
        }
        // A delimiter right after it: the field ends as the rule below would end it.
        if (
          byte === delimiter &&
          fieldQuote === 0 &&
          spilled === 0 &&
          (state === INT || state === FRAC)
        ) {
          counted[column] = 1;
          if (separators !== 0) {
            tally.separators[column] = (tally.separators[column] as number) | separators;
            separators = 0;
          }
          sums.add(column, negative ? -low : low, state === FRAC ? lowDigits - intDigits : 0);
          column++;
          started = false;
          content = true;
          state = column < columns && dead[column] === 0 ? START : SKIP;
          negative = false;
          low = 0;
          lowDigits = 0;
          group = 0;
          continue;
        }
      }
      // 1: the byte ends a field, 2: it ends the record.
      let ends = 0;
      if (fieldQuote === 1) {
        if (byte === QUOTE) {
          parity = !parity;
          fieldQuote = 2;
          // A CR followed by anything is a character of the value, not the line end.
          if (state === AFTER_CR) state = this.#fail(column);
          continue;
        }
      } else if (byte === delimiter) {
        content = true;
        ends = 1;
        // A CR before a delimiter was no line end: a character of the value.
        if (state === AFTER_CR) state = this.#fail(column);
      } else if (byte === QUOTE) {
        parity = !parity;
        content = true;
        if (fieldQuote === 0 && !started) {
          fieldQuote = 1;
          continue;
        }
        // A doubled quote inside quotes, or a quote within a field: a character.
        fieldQuote = fieldQuote === 2 ? 1 : 0;
        started = true;
        if (state !== SKIP) state = this.#fail(column);
        continue;
      } else {
        fieldQuote = 0;
        started = true;
      }
      if (ends === 0 && byte === LF && !parity) {
        ends = 2;
        if (state === AFTER_CR) state = this.#beforeCR;
      }
      if (ends !== 0) {
        // A record of CRs alone is a blank line, with no field at all.
        if ((ends === 1 || content) && state !== SKIP && state !== START) {
          const digits = spilled + lowDigits;
          if (isNumber(state, group, digits)) {
            const decimals = state === FRAC ? digits - intDigits : 0;
            counted[column] = 1;
            if (spilled === 0 && separators === 0)
              sums.add(column, negative ? -low : low, decimals);
            else this.#add(column, negative, low, lowDigits, spilled, decimals, separators);
          } else {
            this.#fail(column);
          }
        }
        fieldQuote = 0;
        started = false;
        if (ends === 2) {
          column = 0;
          content = false;
          if (tally.allText) break;
        } else {
          column++;
        }
        state = column < columns && dead[column] === 0 ? START : SKIP;
        if (state === START) {
          negative = false;
          low = 0;
          lowDigits = 0;
          spilled = 0;
          group = 0;
          separators = 0;
        }
        continue;
      }
      if (byte !== CR) content = true;
      if (state === SKIP) continue;
      // A character of a summed column's value.
      const digit = byte - 0x30;
      if (digit >= 0 && digit <= 9) {
        if (state === GROUP) {
          if (++group > 3) {
            state = this.#fail(column);
            continue;
          }
        } else if (state === START || state === SIGN) {
          state = digit === 0 ? ZERO_ONLY : INT;
        } else if (state === AFTER_SEP) {
          state = GROUP;
          group = 1;
        } else if (state === FRAC_START) {
          state = FRAC;
        } else if (state !== INT && state !== FRAC) {
          state = this.#fail(column);
          continue;
        }
        if (lowDigits === SAFE_DIGITS) {
          if (spilled >= MAX_DIGITS) {
            state = this.#fail(column);
            continue;
          }
          this.#high = (spilled === 0 ? 0n : this.#high) * 10n ** BigInt(SAFE_DIGITS) + BigInt(low);
          spilled += SAFE_DIGITS;
          low = digit;
          lowDigits = 1;
        } else {
          low = low * 10 + digit;
          lowDigits++;
        }
        continue;
      }
      // A separator or the decimal mark may follow 1 to 3 digits, or a whole group of three.
      const groupEnds =
        state === GROUP ? group === 3 : state === INT && spilled === 0 && lowDigits <= 3;
      if (byte === mark) {
        if (state === INT || state === ZERO_ONLY || groupEnds) {
          state = FRAC_START;
          intDigits = spilled + lowDigits;
        } else {
          state = this.#fail(column);
        }
      } else if (byte === CR) {
        // After two CRs the value is no number, unless the record turns out a blank line.
        this.#beforeCR = state;
        state = AFTER_CR;
      } else if (groupEnds && (byte === SPACE || byte === NBSP || byte === 0xc2 || byte === 0xe2)) {
        if (byte === NBSP) separators |= SEP_LATIN;
        state = byte === 0xc2 ? C2 : byte === 0xe2 ? E2 : AFTER_SEP;
      } else if (state === START && byte === MINUS) {
        negative = true;
        state = SIGN;
      } else if ((state === C2 && byte === NBSP) || (state === E280 && byte === 0xaf)) {
        separators |= SEP_UTF8;
        state = AFTER_SEP;
      } else if (state === E2 && byte === 0x80) {
        state = E280;
      } else {
        state = this.#fail(column);
      }
    }
    this.#parity = parity;
    this.#fieldQuote = fieldQuote;
    this.#started = started;
    this.#content = content;
    this.#column = column;
    this.#state = state;
    this.#negative = negative;
    this.#low = low;
    this.#lowDigits = lowDigits;
    this.#spilled = spilled;
    this.#intDigits = intDigits;
    this.#group = group;
    this.#valueSeparators = separators;
  }

  /** The end of the file: its last record may have no line end. */
  end(): void {
    let state = this.#state;
    // A CR ending the file belongs to the line end.
    if (state === AFTER_CR) state = this.#beforeCR;
    if (this.#tally.allText || !this.#content || state === SKIP || state === START) return;
    const digits = this.#spilled + this.#lowDigits;
    if (isNumber(state, this.#group, digits)) {
      const decimals = state === FRAC ? digits - this.#intDigits : 0;
      const [column, low, lowDigits] = [this.#column, this.#low, this.#lowDigits];
      this.#add(
        column,
        this.#negative,
        low,
        lowDigits,
        this.#spilled,
        decimals,
        this.#valueSeparators,
      );
    } else {
      this.#fail(this.#column);
    }
  }

  #add(
    column: number,
    negative: boolean,
    low: number,
    lowDigits: number,
    spilled: number,
    decimals: number,
    separators: number,
  ): void {
    const mantissa = spilled === 0 ? low : this.#high * 10n ** BigInt(lowDigits) + BigInt(low);
    this.#tally.add(column, negative, mantissa, decimals, separators);
  }

  #fail(column: number): number {
    this.#tally.fail(column);
    return SKIP;
  }
}
