/**
 * A fake clock for the retry pauses of the @actions clients, which take no option for them
 * through their public API (3 s, 4.5 s, 6.75 s, 10 s: half a minute a test otherwise).
 * Every setTimeout from 1 s up to a minute runs at once and its delay is recorded; shorter
 * timers (sockets, polling) and longer ones (a test's own watchdog) keep their real delay.
 */
export function shortenSleeps(): { slept: number[]; restore: () => void } {
  const real = globalThis.setTimeout;
  const slept: number[] = [];
  const shortened = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== undefined && ms >= 1000 && ms < 60_000) {
      slept.push(ms);
      return real(handler, 0, ...args);
    }
    return real(handler, ms, ...args);
  }) as typeof setTimeout;
  globalThis.setTimeout = shortened;
  return {
    slept,
    restore: () => {
      globalThis.setTimeout = real;
    },
  };
}
