import { describe, expect, it } from "vitest";
import { combineTotals, sumText, totalsText } from "./totals-text.ts";

const total = (column: string, sum: number, decimals: number, index = 0) => ({
  column,
  index,
  sum,
  decimals,
});

describe("totals as text", () => {
  it("writes sums with thousands separators and their own decimals", () => {
    expect(sumText(total("a", 25430.75, 2))).toBe("25,430.75");
    expect(sumText(total("a", 7, 2))).toBe("7.00");
    expect(sumText(total("a", -1234, 0))).toBe("-1,234");
    expect(totalsText([total("Temps de présence", 25430.75, 2), total("Jours", 21, 0, 1)])).toBe(
      "Temps de présence: 25,430.75; Jours: 21",
    );
  });

  it("adds several reports' totals column by column, without float noise", () => {
    const combined = combineTotals([
      [total("Heures", 0.1, 1), total("Jours", 20, 0, 1)],
      [total("Heures", 0.2, 1)],
      [total("Jours", 1, 0), total("Primes", 12.5, 2, 1)],
    ]);
    expect(combined).toEqual([
      { column: "Heures", index: 0, sum: 0.3, decimals: 1 },
      { column: "Jours", index: 1, sum: 21, decimals: 0 },
      { column: "Primes", index: 2, sum: 12.5, decimals: 2 },
    ]);
  });
});
