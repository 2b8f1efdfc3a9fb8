import { describe, expect, it } from "vitest";
import { UnusableAnswerError } from "./errors.ts";
import { sendOnce } from "./http.ts";

/**
 * An https Lucca cannot be served here (no trusted certificate on this machine), so the
 * https -> http downgrade is played by an injected fetch: the only stand-in in these tests.
 */
function redirectingFetch(location: string) {
  const seen: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    seen.push(String(input));
    return new Response(null, { status: 302, headers: { location } });
  };
  return { fetch, seen };
}

const options = (fetch: ReturnType<typeof redirectingFetch>["fetch"]) => ({
  fetch,
  signal: new AbortController().signal,
  requestTimeoutMs: 1000,
  now: Date.now,
  secrets: ["k".repeat(16)],
  hint: () => "Check the API key.",
});

describe("sendOnce redirect policy", () => {
  it.each(["api", "download"] as const)("refuses an https -> http downgrade (%s)", async (kind) => {
    const stand = redirectingFetch("http://acme.ilucca.net/file.csv");
    const sent = sendOnce(
      {
        method: "GET",
        url: new URL("https://acme.ilucca.net/timmi-timesheet/api/reports/1/download-csv"),
        headers: { authorization: "lucca application=k" },
        redirects: kind,
      },
      options(stand.fetch),
    );
    await expect(sent).rejects.toBeInstanceOf(UnusableAnswerError);
    await expect(sent).rejects.toThrow(/http:, a downgrade from https; not followed/);
    expect(stand.seen).toHaveLength(1);
  });

  it("lets a download go to another https origin", async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      seen.push({ url, authorization: new Headers(init?.headers).get("authorization") });
      return url.startsWith("https://storage.example")
        ? new Response("a;b\n", { status: 200 })
        : new Response(null, { status: 302, headers: { location: "https://storage.example/x" } });
    };
    const open = await sendOnce(
      {
        method: "GET",
        url: new URL("https://acme.ilucca.net/timmi-timesheet/api/reports/1/download-csv"),
        headers: { authorization: "lucca application=k" },
        redirects: "download",
      },
      { ...options(fetch as never), fetch },
    );
    expect(open.url.origin).toBe("https://storage.example");
    expect(seen.map((s) => s.authorization)).toEqual(["lucca application=k", null]);
  });
});
