// Turns a job summary's Markdown into a page that looks like GitHub's rendering, and
// photographs it with headless Chromium. Used by scripts/render-summaries.ts.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import MarkdownIt from "markdown-it";

const WIDTH = 1000;
const CHROMIUM_TIMEOUT_MS = 60_000;

// Close to GitHub's markdown-body: system font, bordered tables with striped rows,
// inline code on a grey ground, h2 underlined, details with a pointer on summary.
const STYLE = `
html { background: #fff; }
body { margin: 0; padding: 24px 32px; color: #1f2328; font-size: 14px; line-height: 1.5;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
    sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
h1, h2, h3 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
h3 { font-size: 1.25em; }
body > :first-child { margin-top: 0; }
p, ul, ol, table, details, pre, blockquote { margin: 0 0 16px; }
ul, ol { padding-left: 2em; }
a { color: #0969da; text-decoration: underline; text-underline-offset: .2rem; }
code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas,
  "Liberation Mono", monospace; font-size: 85%; padding: .2em .4em; border-radius: 6px;
  background: #818b981f; }
pre { padding: 16px; background: #f6f8fa; border-radius: 6px; overflow: hidden;
  white-space: pre-wrap; word-break: break-all; }
pre code { padding: 0; background: none; font-size: 85%; }
table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content;
  max-width: 100%; overflow: auto; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
tr:nth-child(2n) { background: #f6f8fa; }
details summary { cursor: pointer; display: list-item; }
details[open] > summary { margin-bottom: 8px; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
hr { height: .25em; padding: 0; margin: 24px 0; background: #d1d9e0; border: 0; }
`;

// GitHub renders raw HTML (then sanitises it); linkify matches its autolinked URLs.
const markdown = new MarkdownIt({ html: true, linkify: true });

/** The page for one summary; `openDetails` unfolds every <details> block for the picture. */
export function summaryPage(summaryMarkdown: string, openDetails: boolean): string {
  let body = markdown.render(summaryMarkdown);
  if (openDetails) body = body.replace(/<details(?=[\s>])/g, "<details open");
  // The first pass reads this attribute to size the window to the content.
  const measure =
    "<script>addEventListener('load', () => document.body.dataset.height = " +
    "String(Math.ceil(document.body.getBoundingClientRect().height)));</script>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Job summary</title>
<style>${STYLE}</style>${measure}</head>
<body>
${body}</body></html>
`;
}

/** The Chromium binary: $CHROMIUM, or the first of the usual names found on PATH. */
export function findChromium(): string {
  const candidates = process.env.CHROMIUM
    ? [process.env.CHROMIUM]
    : ["chromium", "chromium-browser", "google-chrome"];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["--version"], { encoding: "utf8", timeout: 20_000 });
    if (probe.status === 0 && /chrom/i.test(probe.stdout)) return candidate;
  }
  throw new Error(
    `Cannot render the summaries as Chromium is missing: tried ${candidates.join(", ")}. ` +
      "Install it (Debian: apt-get install chromium) or set CHROMIUM to its path.",
  );
}

/**
 * The summaries lead with emoji (✅ ❌ ℹ️); without a colour emoji font Chromium draws
 * empty boxes. Says so rather than failing: the rest of the picture is still right.
 */
export function warnIfNoEmojiFont(): void {
  const probe = spawnSync("fc-list", [":charset=2705", "family"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() !== "") return;
  console.error(
    "warning: no font with emoji (U+2705) found; the pictures will show boxes for ✅ ❌ ℹ️. " +
      "Install one first (Debian: apt-get install fonts-noto-color-emoji).",
  );
}

/** Runs headless Chromium once with a fresh profile; resolves to its stdout. */
async function chromium(binary: string, args: string[], height: number): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "summary-chromium-"));
  try {
    const child = spawn(
      binary,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        `--window-size=${WIDTH},${height}`,
        ...args,
      ],
      { stdio: ["ignore", "pipe", "pipe"], timeout: CHROMIUM_TIMEOUT_MS },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((done, fail) => {
      child.on("error", fail);
      child.on("close", done);
    });
    if (code !== 0) {
      throw new Error(`Chromium exited with ${code}: ${stderr.trim().slice(-2000)}`);
    }
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Writes the page beside `pngPath` in a temp dir, measures its height in a first Chromium
 * pass (--dump-dom after load), then screenshots it at exactly that height.
 */
export async function screenshot(binary: string, page: string, pngPath: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "summary-page-"));
  try {
    const htmlPath = join(dir, "page.html");
    await writeFile(htmlPath, page);
    const url = pathToFileURL(htmlPath).href;
    const dom = await chromium(binary, ["--dump-dom", url], 200);
    const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
    if (!(height > 0)) throw new Error(`Cannot measure the page for ${pngPath}: no height`);
    await rm(pngPath, { force: true });
    await chromium(binary, [`--screenshot=${pngPath}`, url], height);
    const written = await stat(pngPath).catch(() => undefined);
    if (!written?.size) throw new Error(`Chromium wrote no picture at ${pngPath}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
