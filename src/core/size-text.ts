/** One way to write a size everywhere people read it: 812 B, 7.3 KiB, 12.1 MiB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A count with thousands separators: 12,345. */
export function countText(count: number): string {
  return count.toLocaleString("en-US");
}
