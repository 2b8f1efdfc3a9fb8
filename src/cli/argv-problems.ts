import { parseArgs } from "node:util";
import { nearest } from "../core/nearest.ts";

/** How parseArgs describes one option: its type and, for some, a one-letter form. */
export type OptionSpecs = Record<string, { type: "string" | "boolean"; short?: string }>;

/** The names of the action's inputs where the flag is called otherwise, and other habits. */
const ALIASES: Record<string, string> = {
  "start-date": "start",
  "end-date": "end",
  "output-path": "output",
  "allowed-hosts": "allow-host",
  "allowed-host": "allow-host",
  "allow-hosts": "allow-host",
  template: "template-id",
  "template-ids": "template-id",
  "api-key-path": "api-key-file",
  "key-file": "api-key-file",
};

/**
 * Every problem with the options in `argv`, worded for a person (parseArgs' own message for
 * an unknown option is long and has an unbalanced quote), with the option meant when a name
 * is close to a real one: `--domian` -> `--domain`, `--start-date` -> `--start`.
 */
export function argvProblems(argv: readonly string[], options: OptionSpecs): string[] {
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (spec === undefined) {
      const meant = token.rawName.startsWith("--") ? meantOption(token.name, options) : undefined;
      problems.push(
        `unknown option ${token.rawName}; ${meant === undefined ? "see --help" : `did you mean --${meant}?`}`,
      );
    } else if (spec.type === "string" && token.value === undefined) {
      problems.push(`${token.rawName}: missing its value (${token.rawName} VALUE)`);
    } else if (spec.type === "string" && !token.inlineValue && token.value?.startsWith("-")) {
      problems.push(
        `${token.rawName}: missing its value (the next word, ${token.value}, is an option); a value that starts with - is written ${token.rawName}=VALUE`,
      );
    } else if (spec.type === "boolean" && token.value !== undefined) {
      problems.push(`${token.rawName} takes no value; write ${token.rawName} alone`);
    }
  }
  return problems;
}

/** Known only to be refused: a key given as a flag ends up in shell history. */
const NEVER_SUGGESTED = new Set(["api-key"]);

function meantOption(name: string, options: OptionSpecs): string | undefined {
  const names = Object.keys(options).filter((option) => !NEVER_SUGGESTED.has(option));
  const alias = ALIASES[name.toLowerCase()];
  if (alias !== undefined) return alias;
  // A name cut short (--temp) when only one option starts that way.
  const longer = names.filter((option) => name.length >= 3 && option.startsWith(name));
  if (longer.length === 1) return longer[0];
  // Two edits turn a short word into too many others (--temp into --help).
  return nearest(name, names, name.length <= 4 ? 1 : 2);
}
