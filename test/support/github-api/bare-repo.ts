import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A bare repository driven with git's plumbing only: the stand-in's storage. */
export class BareRepo {
  readonly dir: string;
  // Objects never change once written: their type is looked up once (fewer git processes).
  readonly #types = new Map<string, string>();
  constructor(dir: string) {
    this.dir = dir;
  }

  static async init(dir: string, branch: string): Promise<BareRepo> {
    await run(tmpdir(), ["init", "--quiet", "--bare", `--initial-branch=${branch}`, dir]);
    return new BareRepo(dir);
  }

  git(args: string[], options: { input?: Buffer | string; env?: Record<string, string> } = {}) {
    return run(this.dir, args, options);
  }

  async tryGit(args: string[]): Promise<string | undefined> {
    try {
      return (await this.git(args)).toString("utf8").trim();
    } catch {
      return undefined;
    }
  }

  async writeBlob(content: Buffer): Promise<string> {
    return (await this.git(["hash-object", "-w", "--stdin"], { input: content })).toString().trim();
  }

  async readBlob(sha: string): Promise<Buffer | undefined> {
    if ((await this.objectType(sha)) !== "blob") return undefined;
    return this.git(["cat-file", "blob", sha]);
  }

  async objectType(sha: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    const known = this.#types.get(sha);
    if (known) return known;
    const type = await this.tryGit(["cat-file", "-t", sha]);
    if (type) this.#types.set(sha, type);
    return type;
  }

  /** A tree that is `base` (or empty) with `entries` added or replaced, paths with "/" allowed. */
  async writeTree(
    base: string | undefined,
    entries: { path: string; mode: string; sha: string }[],
  ): Promise<string> {
    const index = join(tmpdir(), `standin-index-${crypto.randomUUID()}`);
    const env = { GIT_INDEX_FILE: index };
    try {
      if (base) await this.git(["read-tree", base], { env });
      else await this.git(["read-tree", "--empty"], { env });
      for (const entry of entries) {
        await this.git(
          ["update-index", "--add", "--cacheinfo", `${entry.mode},${entry.sha},${entry.path}`],
          { env },
        );
      }
      return (await this.git(["write-tree"], { env })).toString().trim();
    } finally {
      await rm(index, { force: true });
    }
  }

  async listTree(
    sha: string,
  ): Promise<
    { mode: string; type: string; sha: string; path: string; size: number | undefined }[]
  > {
    const text = (await this.git(["ls-tree", "-l", "-z", sha])).toString("utf8");
    return text
      .split("\0")
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split("\t") as [string, string];
        const [mode, type, object, size] = meta.split(/\s+/) as [string, string, string, string];
        return { mode, type, sha: object, path, size: size === "-" ? undefined : Number(size) };
      });
  }

  async commitTree(options: {
    tree: string;
    parents: string[];
    message: string;
    author: { name: string; email: string; date: string };
    committer: { name: string; email: string; date: string };
  }): Promise<string> {
    const args = ["commit-tree", options.tree];
    for (const parent of options.parents) args.push("-p", parent);
    return (
      await this.git(args, {
        input: options.message,
        env: {
          GIT_AUTHOR_NAME: options.author.name,
          GIT_AUTHOR_EMAIL: options.author.email,
          GIT_AUTHOR_DATE: options.author.date,
          GIT_COMMITTER_NAME: options.committer.name,
          GIT_COMMITTER_EMAIL: options.committer.email,
          GIT_COMMITTER_DATE: options.committer.date,
        },
      })
    )
      .toString()
      .trim();
  }

  async readCommit(sha: string) {
    if ((await this.objectType(sha)) !== "commit") return undefined;
    const format = "%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B";
    const text = (await this.git(["log", "-1", `--format=${format}`, sha])).toString("utf8");
    const [tree, parents, an, ae, ad, cn, ce, cd, ...message] = text.split("\0") as string[];
    return {
      sha,
      tree: tree as string,
      parents: (parents as string).split(" ").filter(Boolean),
      author: { name: an as string, email: ae as string, date: ad as string },
      committer: { name: cn as string, email: ce as string, date: cd as string },
      message: message.join("\0").replace(/\n$/, ""),
    };
  }

  async branchTip(branch: string): Promise<string | undefined> {
    return this.tryGit(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.tryGit(["merge-base", "--is-ancestor", ancestor, descendant])) !== undefined;
  }

  /** Moves the branch only if it is still at `old` (a compare-and-swap); false otherwise. */
  async updateRef(branch: string, sha: string, old: string | undefined): Promise<boolean> {
    const args = ["update-ref", `refs/heads/${branch}`, sha];
    args.push(old ?? "0".repeat(40));
    return (await this.tryGit(args)) !== undefined;
  }
}

function run(
  cwd: string,
  args: string[],
  options: { input?: Buffer | string; env?: Record<string, string> } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd,
        encoding: "buffer",
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, LC_ALL: "C", ...options.env },
      },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`git ${args[0]}: ${stderr.toString().trim()}`, { cause: error }));
        else resolve(stdout);
      },
    );
    // git may exit before reading its input (a failed look-up): that is its answer, not an error.
    child.stdin?.on("error", () => {});
    child.stdin?.end(options.input ?? "");
  });
}
