// What a reader reads in a Markdown file: its words of prose and the links it gives.
// `node scripts/markdown-prose.ts [FILE]` prints FILE's count (README.md by default).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import MarkdownIt from "markdown-it";

/** The README's ceiling, in words of prose (the issue: "under 3,500 words"). */
export const README_WORD_LIMIT = 3500;

const markdown = new MarkdownIt({ html: true });
const WORD = /[\p{L}\p{N}]/u;

/**
 * Words of prose: every run of non-blanks holding a letter or a digit, in headings,
 * paragraphs and lists, inline code included. Fenced or indented code, tables, HTML
 * (comments, <details>), link targets and image text are not prose and do not count.
 */
export function proseWords(text: string): number {
  let words = 0;
  let tables = 0;
  for (const token of markdown.parse(text, {})) {
    if (token.type === "table_open") tables++;
    if (token.type === "table_close") tables--;
    if (token.type !== "inline" || tables > 0) continue;
    for (const child of token.children ?? []) {
      if (child.type !== "text" && child.type !== "code_inline") continue;
      words += child.content.split(/\s+/).filter((part) => WORD.test(part)).length;
    }
  }
  return words;
}

export interface MarkdownLink {
  kind: "link" | "image";
  target: string;
}

/** Every link and image target, in the order written (tables and headings included). */
export function linksOf(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const visit = (tokens: ReturnType<typeof markdown.parse>) => {
    for (const token of tokens) {
      if (token.type === "link_open")
        links.push({ kind: "link", target: String(token.attrGet("href") ?? "") });
      if (token.type === "image")
        links.push({ kind: "image", target: String(token.attrGet("src") ?? "") });
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return links;
}

/** The anchors GitHub gives a file's headings ("Check your tenant: `doctor`" -> check-your-tenant-doctor). */
export function headingAnchors(text: string): Set<string> {
  const tokens = markdown.parse(text, {});
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const inline = tokens[index + 1];
    const words = (inline?.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    const slug = words
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  });
  return anchors;
}

if (import.meta.main) {
  const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, "../README.md"));
  console.log(`${file}: ${proseWords(readFileSync(file, "utf8"))} words of prose`);
}
