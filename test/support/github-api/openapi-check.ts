import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import type { Exchange } from "./server.ts";

// GitHub's own OpenAPI description of api.github.com, as published in @octokit/openapi.
const require = createRequire(import.meta.url);
type Json = Record<string, unknown>;
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, Json>;
}

let loaded:
  | { spec: Json; ajv: Ajv; routes: { method: string; regex: RegExp; template: string }[] }
  | undefined;

function load() {
  if (loaded) return loaded;
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = nullableWithoutType(JSON.parse(readFileSync(file, "utf8"))) as Json;
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; examples and x-* are not keywords.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addFormat("repo.nwo", /^[^/]+\/[^/]+$/);
  ajv.addSchema({ $id: "github", components: spec.components }, "github");
  const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
    ([template, methods]) =>
      Object.keys(methods)
        .filter((method) => ["get", "post", "patch", "put", "delete"].includes(method))
        .map((method) => ({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(
            `^${template.replace(/\{[^}]+\}/g, (name) => (name === "{ref}" ? "(.+)" : "([^/]+)"))}$`,
          ),
        })),
  );
  loaded = { spec, ajv, routes };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable` beside `oneOf` or `$ref` and no `type` (a commit's `author`, say):
 * Ajv reads `nullable` only next to `type`, so such a schema becomes "that, or null".
 */
function nullableWithoutType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableWithoutType);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = nullableWithoutType(value);
  if (out.nullable !== true || "type" in out) return out;
  const { nullable: _nullable, ...rest } = out;
  return { anyOf: [rest, { type: "null" }] };
}

function rebase(schema: Json): Json {
  // "#/components/..." inside the spec's schemas resolve against the document added as "github".
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\//g, '"github#/components/'),
  ) as Json;
}

function resolve(spec: Json, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  let target: unknown = spec;
  for (const part of ref.replace(/^#\//, "").split("/")) target = (target as Json)[part];
  return resolve(spec, target as Json);
}

/** Problems of one exchange against GitHub's description; empty when it conforms. */
export function checkExchange(exchange: Exchange): string[] {
  const { spec, ajv, routes } = load();
  const candidates = routes.filter(
    (route) => route.method === exchange.method && route.regex.test(exchange.path),
  );
  // A literal segment beats a parameter: /git/ref/{ref} and /git/refs are both tried.
  const route = candidates.sort(
    (a, b) => a.template.split("{").length - b.template.split("{").length,
  )[0];
  const where = `${exchange.method} ${exchange.path} -> ${exchange.status}`;
  if (!route) return [`${where}: no such operation in GitHub's OpenAPI description`];
  const operation = (spec.paths as Record<string, Record<string, Operation>>)[route.template]?.[
    route.method.toLowerCase()
  ] as Operation;
  const problems: string[] = [];
  const validate = (label: string, schema: Json | undefined, value: unknown) => {
    if (!schema) return;
    const check = ajv.compile(rebase(schema));
    if (!check(value)) {
      problems.push(
        `${where} ${label} (${route.template}): ${ajv.errorsText(check.errors, { separator: "; " })}`,
      );
    }
  };
  const requestSchema = operation.requestBody?.content?.["application/json"]?.schema;
  if (exchange.requestBody !== undefined)
    validate("request body", requestSchema, exchange.requestBody);
  const documented = operation.responses[String(exchange.status)];
  if (!documented) {
    problems.push(`${where}: status ${exchange.status} is not documented for ${route.template}`);
    return problems;
  }
  const response = resolve(spec, documented) as { content?: Record<string, { schema?: Json }> };
  const schema = response.content?.["application/json"]?.schema;
  if (schema) validate("response body", schema, exchange.responseBody);
  for (const [name, value] of Object.entries(exchange.query)) {
    const params = ((operation as unknown as { parameters?: Json[] }).parameters ?? []).map((p) =>
      resolve(spec, p),
    );
    if (!params.some((param) => param.name === name && param.in === "query")) {
      problems.push(`${where}: query parameter ${name}=${value} is not documented`);
    }
  }
  return problems;
}
