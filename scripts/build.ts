// Bundles the entry points with ncc into dist/, which GitHub runs as committed, and writes
// dist/licenses.txt, the licenses of the third-party code bundled in it.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ncc = require("@vercel/ncc") as (
  input: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; assets: Record<string, { source: string | Uint8Array }> }>;

interface Entry {
  input: string;
  output: string;
  /** Ending of this entry's chunk files: two bundles number their chunks independently. */
  chunkSuffix: string;
  shebang?: boolean;
}

const entries: Entry[] = [
  { input: "src/cli.ts", output: "dist/cli.js", chunkSuffix: ".cli.js", shebang: true },
  { input: "src/action.ts", output: "dist/index.js", chunkSuffix: ".index.js" },
];

/**
 * ncc loads Node built-ins with createRequire(import.meta.url), which Deno refuses when the
 * bundle runs from an https:// URL (`deno run https://.../dist/cli.js`). Built-ins need no
 * resolution, so any file URL serves as the base there.
 */
function forRemoteRuns(code: string): string {
  return code.replaceAll(
    "__WEBPACK_EXTERNAL_createRequire(import.meta.url)",
    '__WEBPACK_EXTERNAL_createRequire(import.meta.url.startsWith("file:") ? import.meta.url : "file:///")',
  );
}

/** ncc names every chunk N.index.js; the chunk loader in the entry's code says so once. */
const CHUNK_LOADER = 'return "" + chunkId + ".index.js";';

function renameChunks(code: string, entry: Entry, hasChunks: boolean): string {
  if (entry.chunkSuffix === ".index.js" || !hasChunks) return code;
  if (!code.includes(CHUNK_LOADER)) {
    throw new Error(`${entry.input}: ncc's chunk loader changed; cannot rename its chunks`);
  }
  return code.replace(CHUNK_LOADER, `return "" + chunkId + "${entry.chunkSuffix}";`);
}

/**
 * ncc's license list misses packages whose ES modules webpack concatenated (zod, the Azure
 * and Octokit packages...); their path is still in the bundle's comments, so the licenses of
 * those are read from node_modules and added in ncc's format (name, license, text).
 */
async function missingLicenses(code: string, listed: string): Promise<string[]> {
  const names = new Set<string>();
  for (const match of code.matchAll(
    /CONCATENATED MODULE: \.\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g,
  )) {
    if (match[1]) names.add(match[1]);
  }
  const blocks: string[] = [];
  for (const name of [...names].sort()) {
    if (listed.startsWith(`${name}\n`) || listed.includes(`\n${name}\n`)) continue;
    const dir = `node_modules/${name}`;
    const pkg = JSON.parse(await readFile(`${dir}/package.json`, "utf8")) as { license?: string };
    const file = (await readdir(dir)).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
    const text = file
      ? (await readFile(`${dir}/${file}`, "utf8")).replace(/\r\n/g, "\n").trim()
      : "";
    blocks.push(`${name}\n${pkg.license ?? "(no license field)"}\n${text}`);
  }
  return blocks;
}

const written = new Map<string, string>();
const licenses: string[] = [];
await rm("dist", { recursive: true, force: true });
await mkdir("dist", { recursive: true });
for (const entry of entries) {
  const { code, assets } = await ncc(new URL(`../${entry.input}`, import.meta.url).pathname, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: "es2023",
    license: "licenses.txt",
  });
  // Dynamic imports become chunks (e.g. 625.index.js): the publishing code and undici load
  // only when a run needs them. ncc also emits a package.json marking the output as ESM.
  for (const [name, asset] of Object.entries(assets)) {
    if (name === "licenses.txt") continue;
    const chunk = /^(\d+)\.index\.js$/.exec(name);
    const path = chunk ? `dist/${chunk[1]}${entry.chunkSuffix}` : `dist/${name}`;
    const source = chunk ? forRemoteRuns(String(asset.source)) : asset.source;
    if (written.has(path) && written.get(path) !== String(source)) {
      throw new Error(`${entry.input} and another entry both emit a different ${path}`);
    }
    written.set(path, String(source));
    await writeFile(path, source);
  }
  const hasChunks = Object.keys(assets).some((name) => /^\d+\.index\.js$/.test(name));
  const bundled = renameChunks(forRemoteRuns(code), entry, hasChunks);
  const body = bundled.startsWith("#!")
    ? bundled
    : `${entry.shebang ? "#!/usr/bin/env node\n" : ""}${bundled}`;
  await writeFile(entry.output, body, { mode: entry.shebang ? 0o755 : 0o644 });
  const listed = String(assets["licenses.txt"]?.source ?? "").trim();
  const everything = [code, ...Object.values(assets).map((a) => String(a.source))].join("\n");
  const blocks = [listed, ...(await missingLicenses(everything, listed))].filter(Boolean);
  licenses.push(`Bundled in ${entry.output} and its chunks:\n\n${blocks.join("\n\n")}\n`);
  console.log(`built ${entry.output} (${(body.length / 1024).toFixed(0)} KiB)`);
}
// One file for both bundles, in a stable order: the CLI's list, then the action's.
await writeFile("dist/licenses.txt", licenses.join("\n"));
console.log("built dist/licenses.txt");
