// Bundles the entry points with ncc into dist/, which GitHub runs as committed.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ncc = require("@vercel/ncc") as (
  input: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; assets: Record<string, { source: string | Uint8Array }> }>;

const entries: { input: string; output: string; shebang?: boolean }[] = [
  { input: "src/cli.ts", output: "dist/cli.js", shebang: true },
  { input: "src/action.ts", output: "dist/index.js" },
];

const written = new Map<string, string>();
await rm("dist", { recursive: true, force: true });
await mkdir("dist", { recursive: true });
for (const entry of entries) {
  const { code, assets } = await ncc(new URL(`../${entry.input}`, import.meta.url).pathname, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: "es2023",
  });
  // Dynamic imports become chunks (e.g. 625.index.js): the publishing code and undici load
  // only when a run needs them. ncc also emits a package.json marking the output as ESM.
  for (const [name, asset] of Object.entries(assets)) {
    const path = `dist/${name}`;
    if (written.has(path) && written.get(path) !== String(asset.source)) {
      throw new Error(`${entry.input} and another entry both emit a different ${path}`);
    }
    written.set(path, String(asset.source));
    await writeFile(path, asset.source);
  }
  const body = code.startsWith("#!")
    ? code
    : `${entry.shebang ? "#!/usr/bin/env node\n" : ""}${code}`;
  await writeFile(entry.output, body, { mode: entry.shebang ? 0o755 : 0o644 });
  console.log(`built ${entry.output} (${(body.length / 1024).toFixed(0)} KiB)`);
}
