import type { ColumnTotal } from "./column-tally.ts";

/** A column's sum as people read it: 25,430.75 (its own number of decimals, no float noise). */
export function sumText(total: Pick<ColumnTotal, "sum" | "decimals">): string {
  return total.sum.toLocaleString("en-US", {
    minimumFractionDigits: total.decimals,
    maximumFractionDigits: total.decimals,
  });
}

/** "Temps de présence: 25,430.75; Heures sup.: 12.50" */
export function totalsText(totals: readonly ColumnTotal[]): string {
  return totals.map((total) => `${total.column}: ${sumText(total)}`).join("; ");
}

/**
 * The totals of several reports together, column by column (by name, in the order first
 * seen); a column numeric in one report and absent from another is summed where present.
 * Sums are rounded to their decimals at each step, so no float noise builds up.
 */
export function combineTotals(lists: readonly (readonly ColumnTotal[])[]): ColumnTotal[] {
  const byName = new Map<string, ColumnTotal>();
  for (const list of lists) {
    for (const total of list) {
      const seen = byName.get(total.column);
      if (seen === undefined) {
        byName.set(total.column, { ...total, index: byName.size });
        continue;
      }
      const decimals = Math.max(seen.decimals, total.decimals);
      seen.sum = Number((seen.sum + total.sum).toFixed(decimals));
      seen.decimals = decimals;
    }
  }
  return [...byName.values()];
}
