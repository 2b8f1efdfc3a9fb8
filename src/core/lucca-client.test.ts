import { describe, expect, it } from "vitest";
import { LuccaRejectedError, NetworkError } from "./errors.ts";
import type { FetchLike } from "./http.ts";
import { createLuccaClient } from "./lucca-client.ts";

// The client against hand-built responses: statuses, bodies and redirects a loopback server
// could send too, here without one so each case stays one line. No retries (maxRetries 0)
// and no waits.
const KEY = "key-4d9e1b7c0a2f";
const ORIGIN = "https://acme.ilucca.net";
const REPORT = { id: 9, status: "done" };

interface Sent {
  url: string;
  headers: Headers;
}

function clientWith(answer: (url: URL, sent: Sent[]) => Response | Promise<Response>, extra = {}) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    sent.push({ url: url.href, headers: new Headers(init?.headers) });
    return answer(url, sent);
  };
  const client = createLuccaClient({
    baseUrl: new URL(ORIGIN),
    apiKey: KEY,
    fetch,
    signal: new AbortController().signal,
    requestTimeoutMs: 5000,
    maxRetries: 0,
    ...extra,
  });
  return { client, sent };
}

async function rejectionFor(body: string, status = 400): Promise<LuccaRejectedError> {
  const { client } = clientWith(() => new Response(body, { status }));
  const error = await client.getReport("9").catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(LuccaRejectedError);
  return error as LuccaRejectedError;
}

describe("what a rejection tells the user", () => {
  it.each([
    ['{"Message":"A","message":"B","detail":"C"}', "A"],
    ['{"message":"B","detail":"C"}', "B"],
    ['{"detail":"C","title":"D"}', "C"],
    // Lucca's framework names the missing resource in "error": it is the more precise.
    ['{"title":"D","error":"E"}', "E"],
    ['{"error":"E"}', "E"],
    // JSON without a usable message: its shape, never values that may be private.
    ['{"Message":42}', "JSON without a message (keys: Message)"],
    ["  plain \ttext  with   gaps ", "plain text with gaps"],
    ["", "empty body"],
    // Not a page or an error: it may be the report, and is never quoted.
    [
      "[1, 2]",
      "not shown, as it may hold the report's rows: text/plain; charset=utf-8, 6 bytes, first bytes 5b 31 2c 20 32 5d",
    ],
    [
      "Ann;E-1;ann@example.org",
      "not shown, as it may hold the report's rows: text/plain; charset=utf-8, 23 bytes, first bytes 41 6e 6e 3b 45 2d 31 3b",
    ],
  ])("the excerpt of %j is %j", async (body, excerpt) => {
    const error = await rejectionFor(body);
    expect(error.bodyExcerpt).toBe(excerpt);
  });

  it("quotes a text of 200 characters, not more, and cuts a message to 300", async () => {
    expect((await rejectionFor("x".repeat(200))).bodyExcerpt).toBe("x".repeat(200));
    expect((await rejectionFor("y".repeat(201))).bodyExcerpt).toMatch(/^not shown, .*201 bytes/);
    const long = { title: "t".repeat(150), errors: { startsOn: ["m".repeat(150)] } };
    expect((await rejectionFor(JSON.stringify(long))).bodyExcerpt).toBe(
      `${"t".repeat(150)}: startsOn: ${"m".repeat(138)}…`,
    );
  });

  it("blanks the key wherever the body echoes it", async () => {
    const error = await rejectionFor(`{"Message":"bad key ${KEY} (${KEY})"}`);
    expect(error.bodyExcerpt).toBe("bad key *** (***)");
    expect(error.message).not.toContain(KEY);
  });

  it("names the request: method, origin and path, without the query", async () => {
    const error = await rejectionFor('{"Message":"no such report"}', 404);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      url: `${ORIGIN}/timmi-timesheet/api/reports/9`,
    });
    expect(error.message).toContain(`GET ${ORIGIN}/timmi-timesheet/api/reports/9 with 404`);
  });
});

describe("redirects", () => {
  const redirect = (to: string, status = 302) =>
    new Response(null, { status, headers: { location: to } });

  it("keeps the key on the same origin and never follows an API call to another", async () => {
    const { client, sent } = clientWith((url) => {
      if (url.pathname.endsWith("/9")) return redirect("/timmi-timesheet/api/reports/9b", 300);
      if (url.pathname.endsWith("/9b")) return redirect("https://storage.example/r/nine", 307);
      return Response.json(REPORT);
    });
    const error = await client.getReport("9").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(error).toMatchObject({ status: 307 });
    expect(sent.map((s) => s.url)).toEqual([
      `${ORIGIN}/timmi-timesheet/api/reports/9`,
      `${ORIGIN}/timmi-timesheet/api/reports/9b`,
    ]);
    expect(sent.map((s) => s.headers.get("authorization"))).toEqual([
      `lucca application=${KEY}`,
      `lucca application=${KEY}`,
    ]);
  });

  it("follows five redirects and no more", async () => {
    const chain = (hops: number) =>
      clientWith((url, sent) =>
        sent.length <= hops ? redirect(`${url.pathname}x`) : Response.json(REPORT),
      );
    const five = chain(5);
    await expect(five.client.getReport("9")).resolves.toMatchObject({ status: "done" });
    expect(five.sent).toHaveLength(6);
    const six = chain(6);
    const error = await six.client.getReport("9").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(String(error)).toMatch(/more than 5 redirects/);
    expect(six.sent).toHaveLength(6);
  });

  it("treats a 4xx with a Location header as a rejection, not a redirect", async () => {
    const { client, sent } = clientWith(() =>
      Response.json({ Message: "bad" }, { status: 400, headers: { location: "/elsewhere" } }),
    );
    await expect(client.getReport("9")).rejects.toBeInstanceOf(LuccaRejectedError);
    expect(sent).toHaveLength(1);
  });
});

describe("failures on the way", () => {
  it("reports a network error with its cause", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    const { client } = clientWith(() => Promise.reject(cause));
    const error = await client.getReport("9").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(String(error)).toMatch(/network error: fetch failed: connect ECONNREFUSED/);
    expect((error as NetworkError).cause).toMatchObject({ cause });
  });

  it("keeps the key out of a network error that quotes it, in the message and the cause", async () => {
    // As undici does when it refuses a header value: the error names the value.
    const quoted = new TypeError(`invalid header value: "lucca application=${KEY}"`);
    const { client } = clientWith(() =>
      Promise.reject(new TypeError("fetch failed", { cause: quoted })),
    );
    const error = await client.getReport("9").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    let text = "";
    for (let e: unknown = error; e instanceof Error; e = e.cause) text += `${e.message}\n`;
    expect(text).toMatch(/invalid header value/);
    for (let at = 0; at + 8 <= KEY.length; at++) expect(text).not.toContain(KEY.slice(at, at + 8));
  });

  it("cuts a request with no answer after requestTimeoutMs", async () => {
    const fetch: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      });
    const slow = createLuccaClient({
      baseUrl: new URL(ORIGIN),
      apiKey: KEY,
      fetch,
      signal: new AbortController().signal,
      requestTimeoutMs: 20,
      maxRetries: 0,
    });
    const error = await slow.getReport("9").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(String(error)).toMatch(/no response within 20 ms/);
  });

  it("gives the job's abort reason when the job is cancelled mid-request", async () => {
    const controller = new AbortController();
    const reason = new Error("interrupted by SIGINT");
    const fetch: FetchLike = async () => {
      controller.abort(reason);
      throw new TypeError("fetch failed");
    };
    const client = createLuccaClient({
      baseUrl: new URL(ORIGIN),
      apiKey: KEY,
      fetch,
      signal: controller.signal,
      requestTimeoutMs: 5000,
      maxRetries: 3,
    });
    await expect(client.getReport("9")).rejects.toBe(reason);
  });
});
