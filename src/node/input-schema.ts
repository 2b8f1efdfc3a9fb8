import * as z from "zod";
import { InvalidInputError } from "../core/errors.ts";

/**
 * Small zod building blocks shared by the action's and the CLI's input schemas. Every
 * message names the setting as the user wrote it, so the issues are printed as they are.
 */

/** Trimmed text; blank means unset, as the runner passes an empty string for an omitted input. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed === "" ? undefined : trimmed;
  });

/** Runs a parser that throws InvalidInputError and turns each of its issues into a zod issue. */
export function viaParser<In, Out>(parse: (value: In) => Out) {
  return (value: In, ctx: z.core.$RefinementCtx<In>): Out => {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const message of error.issues)
        ctx.issues.push({ code: "custom", message, input: value });
      return z.NEVER;
    }
  };
}

/** A whole number within bounds, `fallback` when unset; the message keeps the text as given. */
export function wholeNumber(label: string, fallback: string, min: number, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  return optionalText.transform((value, ctx) => {
    const source = value ?? fallback;
    const parsed = /^\d+$/.test(source) ? Number(source) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || (max !== undefined && parsed > max)) {
      ctx.issues.push({
        code: "custom",
        message: `${label}: "${source}" ${max === undefined ? "is not a whole number" : "must be a whole number"} ${range}`,
        input: value,
      });
      return z.NEVER;
    }
    return parsed;
  });
}

/** Same spellings as core.getBooleanInput (YAML 1.2 core schema), but collected, not thrown. */
export function runnerBoolean(label: string, fallback: boolean) {
  const spelled = z.stringbool({
    truthy: ["true", "True", "TRUE"],
    falsy: ["false", "False", "FALSE"],
    error: (issue) => `${label}: "${String(issue.input)}" is not a boolean; use true or false`,
  });
  return optionalText.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const result = spelled.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.issues.push({ code: "custom", message: issue.message, input: value });
    }
    return z.NEVER;
  });
}

/** Every issue's message, in order; InvalidInputError for the caller to throw. */
export function inputError(error: z.ZodError): InvalidInputError {
  return new InvalidInputError(error.issues.map((issue) => issue.message));
}

/** Options for an object-level check that must run even when a field failed. */
export const ALWAYS = { when: () => true } as const;

/** A field's parsed value, or undefined if it failed (zod leaves a marker object there). */
export function known<T>(value: T | { status: "aborted" } | undefined): T | undefined {
  return typeof value === "object" &&
    value !== null &&
    "status" in value &&
    value.status === "aborted"
    ? undefined
    : (value as T | undefined);
}
