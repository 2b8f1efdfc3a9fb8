/**
 * The oldest Node the CLI runs on: undici 8 (the HTTP client, bundled) needs 22.19, and
 * Node strips TypeScript types by default since 22.18. @see package.json "engines"
 */
export const MIN_NODE = [22, 19, 0] as const;

/**
 * What to tell a user whose Node is older than MIN_NODE (`version` as in
 * `process.versions.node`), or undefined when it will do. A version that cannot be read is
 * let through: better to try than to refuse a runtime that only spells it otherwise.
 */
export function nodeVersionProblem(version: string | undefined): string | undefined {
  const parts = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? "");
  if (!parts) return undefined;
  const found = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  for (let index = 0; index < MIN_NODE.length; index++) {
    const [have, need] = [found[index] as number, MIN_NODE[index] as number];
    if (have > need) return undefined;
    if (have < need) {
      return `lucca-report needs Node ${MIN_NODE[0]}.${MIN_NODE[1]} or newer (found ${found.join(".")}); install a current Node from https://nodejs.org`;
    }
  }
  return undefined;
}
