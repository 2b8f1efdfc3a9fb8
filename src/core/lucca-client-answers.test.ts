import { afterEach, describe, expect, it, vi } from "vitest";
import { failureOf } from "../../test/support/failure-of.ts";
import { LuccaRejectedError, NetworkError, UnusableAnswerError } from "./errors.ts";
import type { FetchLike } from "./http.ts";
import { createLuccaClient, type LuccaClientOptions, MAX_JSON_BYTES } from "./lucca-client.ts";

// The client against scripted answers (its FetchLike seam), as lucca-client.test.ts: what
// it sends, what it makes of each answer, and the words of each hint.
const KEY = "key-4d9e1b7c0a2f";
const ORIGIN = "https://acme.ilucca.net";
const API = `${ORIGIN}/timmi-timesheet/api`;
const REPORT = { id: 1001, status: "pending", startsOn: "2026-10-01", endsOn: null };

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
}

function clientWith(
  answers: (() => Response | Promise<Response>)[],
  extra: Partial<LuccaClientOptions> = {},
) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    sent.push({
      url: String(input),
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body,
    });
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    return answer();
  };
  const client = createLuccaClient({
    baseUrl: new URL(ORIGIN),
    apiKey: KEY,
    fetch,
    signal: new AbortController().signal,
    requestTimeoutMs: 5000,
    maxRetries: 0,
    backoff: { initialMs: 1, maxMs: 1, random: () => 0 },
    ...extra,
  });
  return { client, sent };
}

const json =
  (value: unknown, status = 200) =>
  () =>
    Response.json(value, { status });
const text =
  (body: string, headers: Record<string, string> = {}, status = 200) =>
  () =>
    new Response(body, { status, headers });

afterEach(() => {
  vi.useRealTimers();
});

describe("what the client sends", () => {
  it("creates a report with its dates and filters, as JSON", async () => {
    const { client, sent } = clientWith([json(REPORT, 201), json(REPORT, 201)]);
    const filters = [{ kind: "department", values: [3] }];
    await client.createReport({ templateId: "42", startsOn: "2026-10-01", endsOn: null, filters });
    await client.createReport({ templateId: "42", startsOn: null, endsOn: "2026-10-31" });
    expect(sent).toEqual([
      {
        url: `${API}/reports`,
        method: "POST",
        headers: {
          authorization: `lucca application=${KEY}`,
          accept: "application/json",
          "content-type": "application/json",
        },
        body: '{"templateId":"42","startsOn":"2026-10-01","endsOn":null,"filters":[{"kind":"department","values":[3]}]}',
      },
      expect.objectContaining({
        body: '{"templateId":"42","startsOn":null,"endsOn":"2026-10-31","filters":null}',
      }),
    ]);
  });

  it("reads a report by its id, escaped, with no body", async () => {
    const { client, sent } = clientWith([json(REPORT)]);
    await expect(client.getReport("a b/c")).resolves.toMatchObject({ id: "1001" });
    expect(sent).toEqual([
      {
        url: `${API}/reports/a%20b%2Fc`,
        method: "GET",
        headers: { authorization: `lucca application=${KEY}`, accept: "application/json" },
        body: null,
      },
    ]);
  });

  it("creates a template from the payload as given", async () => {
    const { client, sent } = clientWith([json({ data: { id: 77, name: "Hours" } }, 201)]);
    await expect(client.createTemplate({ name: "Hours", columns: [] })).resolves.toEqual({
      id: "77",
      name: "Hours",
    });
    expect(sent[0]).toMatchObject({
      url: `${API}/report-templates`,
      method: "POST",
      body: '{"name":"Hours","columns":[]}',
    });
  });

  it("opens a download once, asking for bytes, and may follow it to storage", async () => {
    const { client, sent } = clientWith([
      () => new Response(null, { status: 302, headers: { location: "https://storage.example/f" } }),
      text("a;b\n"),
    ]);
    const open = await client.openDownload("x y", "excel");
    expect(await open.response.text()).toBe("a;b\n");
    expect(sent.map((s) => [s.url, s.headers])).toEqual([
      [
        `${API}/reports/x%20y/download-excel`,
        { authorization: `lucca application=${KEY}`, accept: "application/octet-stream" },
      ],
      ["https://storage.example/f", { accept: "application/octet-stream" }],
    ]);
    const busy = clientWith([text("busy", {}, 503)], { maxRetries: 5 });
    const error = await failureOf(busy.client.openDownload("9", "csv"));
    expect(error.message).toBe(`GET ${API}/reports/9/download-csv answered 503: busy`);
    expect(busy.sent).toHaveLength(1);
  });

  it("names the download URL of each format", () => {
    const { client } = clientWith([]);
    expect(client.downloadUrl("1/2", "csv").href).toBe(`${API}/reports/1%2F2/download-csv`);
    expect(client.downloadUrl("7", "excel").href).toBe(`${API}/reports/7/download-excel`);
  });

  it("waits for a slot of the shared budget before each request", async () => {
    const events: string[] = [];
    const { client } = clientWith([json(REPORT)], {
      takeSlot: async () => {
        events.push("slot");
        return () => events.push("given back");
      },
    });
    await client.getReport("1");
    expect(events).toEqual(["slot", "given back"]);
  });

  it("blanks the key in an outside text", () => {
    const { client } = clientWith([]);
    expect(client.excerpt(`a  ${KEY}\nb`)).toBe("a *** b");
  });
});

describe("the retry settings it gives a download loop", () => {
  it("are the client's own, and tell the call retried", () => {
    const retried: unknown[] = [];
    const signal = new AbortController().signal;
    const now = () => 5;
    const { client } = clientWith([], {
      maxRetries: 4,
      signal,
      now,
      deadlineAt: 99,
      onRetry: (info) => retried.push(info),
    });
    const options = client.retryOptionsFor("GET", "https://x/y");
    expect(options).toEqual({
      maxRetries: 4,
      backoff: { initialMs: 1, maxMs: 1, random: expect.any(Function) },
      signal,
      method: "GET",
      url: "https://x/y",
      onRetry: expect.any(Function),
      deadlineAt: 99,
      now,
    });
    options.onRetry?.({ attempt: 1, delayMs: 2, reason: "r", status: 503 });
    expect(retried).toEqual([
      { attempt: 1, delayMs: 2, reason: "r", status: 503, method: "GET", url: "https://x/y" },
    ]);
  });

  it("have no onRetry when the client has none, and back off from 0.5 s to 30 s by default", () => {
    const client = createLuccaClient({
      baseUrl: new URL(ORIGIN),
      apiKey: KEY,
      fetch: globalThis.fetch,
      signal: new AbortController().signal,
      requestTimeoutMs: 1,
      maxRetries: 0,
    });
    const options = client.retryOptionsFor("GET", "u");
    expect(options.onRetry).toBeUndefined();
    expect(options.backoff).toEqual({ initialMs: 500, maxMs: 30_000 });
    expect(options.now).toBe(Date.now);
  });
});

describe("answers it cannot use", () => {
  it("a web page after a redirect on the same origin: the key was refused", async () => {
    let pageCancelled = false;
    const page = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("<html>"));
      },
      cancel() {
        pageCancelled = true;
      },
    });
    const { client } = clientWith([
      () => new Response(null, { status: 302, headers: { location: "/login?next=1" } }),
      () => new Response(page, { headers: { "content-type": "Text/HTML; charset=utf-8" } }),
    ]);
    const error = await failureOf(client.getReport("9"));
    expect(error).toBeInstanceOf(LuccaRejectedError);
    // The page is let go of unread.
    expect(pageCancelled).toBe(true);
    expect(error.message).toBe(
      `GET ${API}/reports/9 was redirected to a web page (/login) instead of answering JSON: Lucca sends API calls to its sign-in page when it does not accept the key. Check the API key (LUCCA_API_KEY, --api-key-file or the api-key input): Lucca did not accept it.`,
    );
    expect(error).toMatchObject({
      status: 200,
      method: "GET",
      url: `${API}/reports/9`,
      bodyExcerpt: "",
      hint: "Check the API key (LUCCA_API_KEY, --api-key-file or the api-key input): Lucca did not accept it.",
    });
  });

  it("a web page without a redirect, or JSON after one, is no sign-in page", async () => {
    const page = clientWith([text("<html>", { "content-type": "text/html" })]);
    const error = await failureOf(page.client.getReport("9"));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `GET ${API}/reports/9 failed after 1 attempt(s): the response of GET ${API}/reports/9 is not JSON: an HTML page`,
    );
    const moved = clientWith([
      () => new Response(null, { status: 302, headers: { location: "/r/9" } }),
      text(JSON.stringify(REPORT), { "content-type": "application/xhtml+text/html" }),
    ]);
    await expect(moved.client.getReport("9")).resolves.toMatchObject({ id: "1001" });
  });

  it("a body that is not JSON is tried again, then named with the key blanked", async () => {
    vi.useFakeTimers();
    const { client, sent } = clientWith([text(`oops ${KEY}`), text(`oops ${KEY}`)], {
      maxRetries: 1,
    });
    const failed = failureOf(client.getReport("9"));
    await vi.runAllTimersAsync();
    const error = await failed;
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `GET ${API}/reports/9 failed after 2 attempt(s): the response of GET ${API}/reports/9 is not JSON: oops ***`,
    );
    expect(error.cause).toMatchObject({ cause: expect.any(SyntaxError) });
    expect(sent).toHaveLength(2);
  });

  it("an answer past 1 MiB is not read further", async () => {
    const big = `{"id":1,"status":"done","note":"${KEY}","pad":"${"x".repeat(MAX_JSON_BYTES)}"}`;
    // It may be anything, the report's rows included: described, never quoted.
    const shown =
      "not shown, as it may hold the report's rows: text/plain; charset=utf-8, more than 1048576 bytes, first bytes 7b 22 69 64 22 3a 31 2c";
    const { client } = clientWith([text(big)]);
    const error = await failureOf(client.getReport("9"));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `The answer of GET ${API}/reports/9 is larger than 1 MiB, far more than a report object; it was not read further: ${shown}`,
    );
    expect(error).toMatchObject({ excerpt: shown });
  });

  it("an answer of exactly 1 MiB is read", async () => {
    const head = '{"id":1,"status":"done","pad":"';
    const exact = `${head}${"x".repeat(MAX_JSON_BYTES - head.length - 2)}"}`;
    expect(exact.length).toBe(1024 * 1024);
    const { client } = clientWith([text(exact)]);
    await expect(client.getReport("9")).resolves.toMatchObject({ id: "1", status: "done" });
  });

  it("a body cut on the way is a network failure", async () => {
    const cut = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
      },
      pull(controller) {
        controller.error(new TypeError("terminated"));
      },
    });
    const { client } = clientWith([() => new Response(cut)]);
    const error = await failureOf(client.getReport("9"));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(
      `GET ${API}/reports/9 failed after 1 attempt(s): the response body was cut`,
    );
    expect(error.cause).toMatchObject({ cause: expect.any(TypeError) });
  });

  it("a body that stalls after the headers is cut after requestTimeoutMs", async () => {
    vi.useFakeTimers();
    // As fetch does, the request's signal errors the body it is reading.
    const fetch: FetchLike = async (_input, init) =>
      new Response(
        new ReadableStream({
          start(controller) {
            init?.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
          },
        }),
      );
    const { client } = clientWith([], { requestTimeoutMs: 2_000, fetch });
    const failed = failureOf(client.getReport("9"));
    await vi.advanceTimersByTimeAsync(2_000);
    const error = await failed;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(
      `GET ${API}/reports/9 failed after 1 attempt(s): no complete body within 2000 ms`,
    );
  });

  it("leaves no timer behind once the body is read", async () => {
    vi.useFakeTimers();
    const { client } = clientWith([json(REPORT)]);
    await client.getReport("9");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives the job's reason when the job ends while the body is read", async () => {
    const job = new AbortController();
    const reason = new Error("SIGTERM");
    const body = new ReadableStream({
      pull(controller) {
        job.abort(reason);
        controller.error(new Error("reset"));
      },
    });
    const { client } = clientWith([() => new Response(body)], {
      signal: job.signal,
      maxRetries: 3,
    });
    await expect(client.getReport("9")).rejects.toBe(reason);
  });
});

describe("objects it cannot use", () => {
  it.each([
    [
      { id: "a/b", status: "done" },
      "id: must be digits or a short token of letters, digits, _ and -",
      '{"id":"a/b","status":"done"}',
    ],
    [
      { data: { id: 1, status: "done!", startsOn: "2026-02-30" } },
      "data.status: must be a short word (letters, _ and -); data.startsOn: must be a date as YYYY-MM-DD",
      '{"data":{"id":1,"status":"done!","startsOn":"2026-02-30"}}',
    ],
  ])("a report %j: %s", async (body, problems, shown) => {
    const { client } = clientWith([json(body)]);
    const error = await failureOf(client.getReport("9"));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `Lucca answered with a report this tool cannot use (${problems}): ${shown}`,
    );
    expect(error).toMatchObject({ excerpt: shown });
  });

  it.each(["null", "42", '"done"'])("a report that is no object: %s", async (body) => {
    const { client } = clientWith([text(body)]);
    const error = await failureOf(client.getReport("9"));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toMatch(
      new RegExp(
        `^Lucca answered with a report this tool cannot use \\(Invalid input: expected object, received \\w+\\): ${body}$`,
      ),
    );
  });

  it("a created report without a usable id", async () => {
    const { client } = clientWith([json({ id: "a/b", status: "pending" }, 201)]);
    const error = await failureOf(
      client.createReport({ templateId: "42", startsOn: null, endsOn: null }),
    );
    expect(error.message).toBe(
      'Lucca answered with a report this tool cannot use (id: must be digits or a short token of letters, digits, _ and -): {"id":"a/b","status":"pending"}',
    );
  });

  it("a template without a usable id, the key blanked", async () => {
    const { client } = clientWith([json({ id: `a ${KEY}` }, 201)]);
    const error = await failureOf(client.createTemplate({}));
    expect(error.message).toBe(
      'Lucca answered with a template this tool cannot use (id: must be digits or a short token of letters, digits, _ and -): {"id":"a ***"}',
    );
  });
});

describe("a create retried after an ambiguous failure", () => {
  it("warns that a duplicate may exist, with each reason and the id used", async () => {
    vi.useFakeTimers();
    const warnings: string[] = [];
    const retried: string[] = [];
    const { client } = clientWith(
      [text("oops", {}, 502), text("slow", {}, 504), json(REPORT, 201)],
      {
        maxRetries: 3,
        onWarning: (message) => warnings.push(message),
        onRetry: (info) => retried.push(`${info.method} ${info.url} ${info.status}`),
      },
    );
    const created = client.createReport({ templateId: "42", startsOn: null, endsOn: null });
    await vi.runAllTimersAsync();
    await expect(created).resolves.toMatchObject({ id: "1001" });
    expect(warnings).toEqual([
      `POST /reports was retried after POST ${API}/reports answered 502: oops; POST ${API}/reports answered 504: slow: Lucca may have created a duplicate report. Report id used: 1001; an earlier attempt's report, if any, was never seen (look for it in the Lucca UI).`,
    ]);
    expect(retried).toEqual([`POST ${API}/reports 502`, `POST ${API}/reports 504`]);
  });

  it("does not warn after a failure that was turned away", async () => {
    vi.useFakeTimers();
    const warnings: string[] = [];
    const { client } = clientWith([text("busy", {}, 503), json(REPORT, 201)], {
      maxRetries: 1,
      onWarning: (message) => warnings.push(message),
    });
    const created = client.createReport({ templateId: "42", startsOn: null, endsOn: null });
    await vi.runAllTimersAsync();
    await created;
    expect(warnings).toEqual([]);
  });
});

describe("the hint of each rejection", () => {
  const KEY_HINT =
    "Check the API key (LUCCA_API_KEY, --api-key-file or the api-key input): Lucca did not accept it.";
  const METHOD_HINT =
    "The Lucca API does not accept this method here; check the domain points at a Lucca Timesheet instance.";
  const SIZE_HINT = "The request is too large for Lucca.";

  async function hintOf(call: "create" | "get" | "template" | "download", status: number) {
    const { client } = clientWith([text("no", {}, status)]);
    const sent =
      call === "create"
        ? client.createReport({ templateId: "t42", startsOn: null, endsOn: null })
        : call === "get"
          ? client.getReport("r7")
          : call === "template"
            ? client.createTemplate({})
            : client.openDownload("r7", "csv");
    const error = await failureOf(sent);
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(error.message.endsWith(`. ${(error as LuccaRejectedError).hint}`)).toBe(true);
    return (error as LuccaRejectedError).hint;
  }

  it.each(["create", "get", "template", "download"] as const)(
    "%s: the same words for 401, 405 and 413",
    async (call) => {
      expect(await hintOf(call, 401)).toBe(KEY_HINT);
      expect(await hintOf(call, 405)).toBe(METHOD_HINT);
      expect(await hintOf(call, 413)).toBe(SIZE_HINT);
    },
  );

  it("create: the template's rights, its existence, or the dates", async () => {
    expect(await hintOf("create", 403)).toBe(
      "The API key is valid but its role lacks report generation rights or access to template t42; ask a Lucca administrator to grant them.",
    );
    expect(await hintOf("create", 404)).toBe(
      "Check the template id: template t42 does not exist on this domain or the key's role cannot see it.",
    );
    expect(await hintOf("create", 400)).toBe("Check the template id and the dates sent.");
  });

  it.each(["get", "download"] as const)(
    "%s: the report's rights, existence or state",
    async (call) => {
      expect(await hintOf(call, 403)).toBe(
        "The API key is valid but its role may not read report r7; it needs report generation rights.",
      );
      expect(await hintOf(call, 404)).toBe(
        "Check the report id: report r7 does not exist on this domain (or no longer), or the key's role cannot see it.",
      );
      expect(await hintOf(call, 409)).toBe(
        "Lucca refused report r7; if it is not finished or failed, create a new one instead of resuming it.",
      );
    },
  );

  it("template: the role, or the payload", async () => {
    expect(await hintOf("template", 403)).toBe(
      "The API key's role may not create report templates.",
    );
    expect(await hintOf("template", 400)).toBe(
      "Check the template file: it must be the JSON payload the Lucca Timesheet UI sends (blueprintId, name, columns).",
    );
  });
});
