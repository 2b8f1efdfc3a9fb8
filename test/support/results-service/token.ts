import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The identity a runtime token carries, as the results service reads it from `scp`. */
export interface RuntimeIdentity {
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

export interface RuntimeTokenIssuer {
  /** A JWT shaped like the runner's ACTIONS_RUNTIME_TOKEN for `identity`. */
  readonly token: string;
  /** The identity of a bearer token signed by this issuer, or undefined when it is not one. */
  verify(bearer: string): RuntimeIdentity | undefined;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString("base64url");

/**
 * Issues one HS256 token per service. The clients only decode the payload (jwt-decode, no
 * signature check) to find `Actions.Results:<run>:<job>` in the space-separated `scp`
 * claim; the service checks the signature, as GitHub's does, so a forged token is refused.
 */
export function createTokenIssuer(identity: RuntimeIdentity, ref: string): RuntimeTokenIssuer {
  const secret = randomBytes(32);
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      nameid: "dddddddd-dddd-dddd-dddd-dddddddddddd",
      scp: `Actions.ExampleScope Actions.Results:${identity.workflowRunBackendId}:${identity.workflowJobRunBackendId}`,
      // The cache scopes the real token lists (JSON in a string, as the runner's has it).
      ac: JSON.stringify([{ Scope: ref, Permission: 3 }]),
      iss: "https://results-service.test",
      aud: "vso:results-service.test",
      iat: now,
      nbf: now - 60,
      exp: now + 6 * 3600,
    }),
  );
  const sign = (input: string): Buffer => createHmac("sha256", secret).update(input).digest();
  const token = `${header}.${payload}.${sign(`${header}.${payload}`).toString("base64url")}`;

  return {
    token,
    verify(bearer) {
      const [h, p, s] = bearer.split(".");
      if (h === undefined || p === undefined || s === undefined) return undefined;
      const expected = sign(`${h}.${p}`);
      const given = Buffer.from(s, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as { scp?: string };
      for (const scope of (claims.scp ?? "").split(" ")) {
        const [name, run, job] = scope.split(":");
        if (name === "Actions.Results" && run && job) {
          return { workflowRunBackendId: run, workflowJobRunBackendId: job };
        }
      }
      return undefined;
    },
  };
}
