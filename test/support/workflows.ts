// Reads the repository's workflow files as data, for the tests of what each job may do.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

export const root = resolve(import.meta.dirname, "../..");

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "working-directory"?: string;
}
export interface Job {
  if?: string;
  needs?: string | string[];
  outputs?: Record<string, string>;
  permissions?: unknown;
  steps?: Step[];
  uses?: string;
}
export interface Workflow {
  on: unknown;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

export function workflowNames(folder = ".github/workflows"): string[] {
  return readdirSync(join(root, folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

export function readWorkflow(
  name: string,
  folder = ".github/workflows",
): { text: string; workflow: Workflow } {
  const text = readFileSync(join(root, folder, name), "utf8");
  return { text, workflow: parse(text) as Workflow };
}

/** The events a workflow starts on, whichever form `on:` takes. */
export function triggers(workflow: Workflow): string[] {
  const on = workflow.on;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.map(String);
  return Object.keys(on as Record<string, unknown>);
}

/** The scopes a job's token may write, with its `permissions:` in any of its forms. */
export function writeScopes(job: Job): string[] {
  const permissions = job.permissions;
  if (permissions === "write-all") return ["*"];
  if (permissions === undefined || typeof permissions === "string") return [];
  return Object.entries(permissions as Record<string, string>)
    .filter(([, level]) => level === "write")
    .map(([scope]) => scope);
}

export function needsOf(job: Job): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Whether the job can run when the workflow is started by `event` (false only when sure). */
export function jobMayRunOn(workflow: Workflow, jobId: string, event: string): boolean {
  if (!triggers(workflow).includes(event)) return false;
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`No job ${jobId}`);
  if (!mayHold(job.if, event)) return false;
  // A job whose needed job is skipped is skipped too, unless its condition overrides that.
  const overrides = /\b(always|failure|cancelled)\s*\(/.test(job.if ?? "");
  return overrides || needsOf(job).every((need) => jobMayRunOn(workflow, need, event));
}

type Truth = boolean | "unknown";

/**
 * Whether an `if:` expression may be true when `github.event_name` is `event`. Comparisons
 * of github.event_name with a string are decided; everything else is unknown, so the answer
 * is false only when the event alone rules the job out.
 */
export function mayHold(condition: string | undefined, event: string): boolean {
  if (condition === undefined) return true;
  const source = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const tokens =
    source.match(/'(?:[^']|'')*'|&&|\|\||==|!=|<=|>=|[!()<>,]|[^\s'&|=!()<>,]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];

  const orExpr = (): Truth => {
    let value = andExpr();
    while (peek() === "||") {
      next();
      const right = andExpr();
      value =
        value === true || right === true
          ? true
          : value === false && right === false
            ? false
            : "unknown";
    }
    return value;
  };
  const andExpr = (): Truth => {
    let value = unary();
    while (peek() === "&&") {
      next();
      const right = unary();
      value =
        value === false || right === false
          ? false
          : value === true && right === true
            ? true
            : "unknown";
    }
    return value;
  };
  const unary = (): Truth => {
    if (peek() === "!") {
      next();
      const value = unary();
      return value === "unknown" ? value : !value;
    }
    return comparison();
  };
  const comparison = (): Truth => {
    const left = operand();
    const op = peek();
    if (op !== "==" && op !== "!=" && op !== "<" && op !== ">" && op !== "<=" && op !== ">=") {
      return left.truth;
    }
    next();
    const right = operand();
    const literal = (text = "") =>
      /^'.*'$/s.test(text) ? text.slice(1, -1).replaceAll("''", "'").toLowerCase() : undefined;
    const isEvent = (text = "") => text.toLowerCase() === "github.event_name";
    const named = isEvent(left.text)
      ? literal(right.text)
      : isEvent(right.text)
        ? literal(left.text)
        : undefined;
    if (named === undefined || (op !== "==" && op !== "!=")) return "unknown";
    return (named === event.toLowerCase()) === (op === "==");
  };
  // A name or literal keeps its text; a group keeps its truth; a call is unknown.
  const operand = (): { text?: string; truth: Truth } => {
    const token = next();
    if (token === undefined) throw new Error(`Cannot read the condition ${condition}`);
    if (token === "(") {
      const truth = orExpr();
      if (next() !== ")") throw new Error(`Unbalanced condition ${condition}`);
      return { truth };
    }
    if (peek() === "(") {
      next();
      while (peek() !== ")") {
        orExpr();
        if (peek() === ",") next();
        else if (peek() !== ")") throw new Error(`Cannot read the condition ${condition}`);
      }
      next();
      return { truth: "unknown" };
    }
    return { text: token, truth: "unknown" };
  };

  const value = orExpr();
  if (at !== tokens.length) throw new Error(`Cannot read the condition ${condition}`);
  return value !== false;
}
