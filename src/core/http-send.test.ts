import { afterEach, describe, expect, it, vi } from "vitest";
import { failureOf } from "../../test/support/failure-of.ts";
import { LuccaRejectedError, UnusableAnswerError } from "./errors.ts";
import {
  type FetchLike,
  type HttpRequest,
  readExcerpt,
  type SendOptions,
  sendOnce,
} from "./http.ts";
import { TransientFailure } from "./retry.ts";

// sendOnce against a scripted fetch (its FetchLike seam): each answer is the Response a
// loopback server would send, and every call is recorded with the init sendOnce gave it,
// which a real server could not show (redirect mode, signal). Real HTTP is covered by the
// integration tests; https origins (no certificate here) only this way.
const KEY = "key-0123456789abcdef";
const ORIGIN = "https://acme.ilucca.net";
const REPORTS = `${ORIGIN}/timmi-timesheet/api/reports`;

interface Call {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
  redirect: RequestRedirect | undefined;
  signal: AbortSignal | null | undefined;
}

function scripted(answers: ((url: URL) => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    calls.push({
      url: url.href,
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body,
      redirect: init?.redirect,
      signal: init?.signal,
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call to ${url.href}`);
    return answer(url);
  };
  return { fetch, calls };
}

const redirect =
  (location: string, status = 302) =>
  () =>
    new Response(null, { status, headers: { location } });
const ok =
  (body = "{}") =>
  () =>
    new Response(body, { status: 200 });

function options(fetch: FetchLike, extra: Partial<SendOptions> = {}): SendOptions {
  return {
    fetch,
    signal: new AbortController().signal,
    requestTimeoutMs: 5_000,
    now: () => Date.UTC(2026, 10, 28, 12, 0, 0),
    secrets: [KEY],
    hint: (status) => `hint for ${status}.`,
    ...extra,
  };
}

const get = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: "GET",
  url: new URL(url),
  headers: { authorization: `lucca application=${KEY}`, accept: "application/json" },
  ...extra,
});

const post = (extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: "POST",
  url: new URL(REPORTS),
  headers: {
    authorization: `lucca application=${KEY}`,
    accept: "application/json",
    "Content-Type": "application/json",
  },
  body: '{"templateId":"42"}',
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("sendOnce sends", () => {
  it("the request as given, by hand-followed redirects, and gives the 2xx unread", async () => {
    const { fetch, calls } = scripted([ok('{"id":1}')]);
    const open = await sendOnce(post(), options(fetch));
    expect(calls).toEqual([
      {
        url: REPORTS,
        method: "POST",
        headers: {
          authorization: `lucca application=${KEY}`,
          accept: "application/json",
          "Content-Type": "application/json",
        },
        body: '{"templateId":"42"}',
        redirect: "manual",
        signal: expect.any(AbortSignal),
      },
    ]);
    expect(open.url.href).toBe(REPORTS);
    expect(open.response.status).toBe(200);
    expect(open.response.bodyUsed).toBe(false);
    expect(await open.response.text()).toBe('{"id":1}');
  });

  it("no body when there is none", async () => {
    const { fetch, calls } = scripted([ok()]);
    await sendOnce(get(`${REPORTS}/1`), options(fetch));
    expect(calls[0]?.body).toBeNull();
  });

  it("a 2xx that carries a Location as an answer, not a redirect", async () => {
    const { fetch, calls } = scripted([
      () => new Response("{}", { status: 201, headers: { location: `${REPORTS}/5` } }),
    ]);
    const open = await sendOnce(post(), options(fetch));
    expect(open.response.status).toBe(201);
    expect(calls).toHaveLength(1);
  });

  it("a 3xx without Location as a failure, not a redirect", async () => {
    const { fetch, calls } = scripted([() => new Response("moved", { status: 302 })]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1`), options(fetch)));
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(error.message).toBe(`Lucca rejected GET ${REPORTS}/1 with 302 (moved). hint for 302.`);
    expect(calls).toHaveLength(1);
  });

  it("gives an abort that cancels the body read, through the signal it returns", async () => {
    const { fetch, calls } = scripted([ok()]);
    const open = await sendOnce(get(`${REPORTS}/1`), options(fetch));
    expect(open.signal.aborted).toBe(false);
    const reason = new Error("idle");
    open.abort(reason);
    expect(open.signal.aborted).toBe(true);
    expect(open.signal.reason).toBe(reason);
    expect(calls[0]?.signal?.aborted).toBe(true);
  });
});

describe("sendOnce follows redirects", () => {
  it.each([301, 302, 303])(
    "turns a POST answered %i into a GET of the place named",
    async (status) => {
      const { fetch, calls } = scripted([redirect("/timmi-timesheet/api/reports/7", status), ok()]);
      const open = await sendOnce(post(), options(fetch));
      expect(open.url.href).toBe(`${REPORTS}/7`);
      expect(calls[1]).toMatchObject({
        url: `${REPORTS}/7`,
        method: "GET",
        body: null,
        headers: { authorization: `lucca application=${KEY}`, accept: "application/json" },
      });
      expect(Object.keys(calls[1]?.headers ?? {})).toEqual(["authorization", "accept"]);
    },
  );

  it.each([307, 308])("sends the same POST again on %i", async (status) => {
    const { fetch, calls } = scripted([redirect("/timmi-timesheet/api/reports2", status), ok()]);
    await sendOnce(post(), options(fetch));
    expect(calls[1]).toMatchObject({
      url: `${ORIGIN}/timmi-timesheet/api/reports2`,
      method: "POST",
      body: '{"templateId":"42"}',
      headers: { "Content-Type": "application/json" },
    });
  });

  it("keeps a GET a GET, with its headers, on a 303", async () => {
    const { fetch, calls } = scripted([redirect("/x", 303), ok()]);
    await sendOnce(
      get(`${REPORTS}/1`, { headers: { "content-type": "text/plain" } }),
      options(fetch),
    );
    expect(calls[1]).toMatchObject({ method: "GET", headers: { "content-type": "text/plain" } });
  });

  it("lets the simulator's loopback http redirect to another loopback host", async () => {
    const { fetch, calls } = scripted([redirect("http://localhost:9/f.csv"), ok("a;b")]);
    const open = await sendOnce(
      get("http://127.0.0.1:8/r/1/download-csv", { redirects: "download" }),
      options(fetch),
    );
    expect(open.url.href).toBe("http://localhost:9/f.csv");
    // Another origin: the key is not sent there.
    expect(calls[1]?.headers).toEqual({ accept: "application/json" });
  });

  it.each([
    ["http://127.0.0.1:8/x", "http://example.com/f.csv", "http:, a downgrade from https"],
    [`${REPORTS}/1`, "http://127.0.0.1/f.csv", "http:, a downgrade from https"],
    ["http://example.com/x", "http://example.com/f.csv", "http:, a downgrade from https"],
    [`${REPORTS}/1`, "ftp://files.example/f.csv", "a ftp: URL"],
    ["https://localhost:8/x", "http://127.0.0.1/f.csv", "http:, a downgrade from https"],
    ["http://example.com/x", "http://127.0.0.1/f.csv", "http:, a downgrade from https"],
    ["http://127.0.0.1:8/x", "ftp://localhost/f.csv", "a ftp: URL"],
    [`${REPORTS}/1`, "javascript:alert(1)", "a javascript: URL"],
  ])("from %s refuses %s", async (from, to, what) => {
    const { fetch, calls } = scripted([redirect(to, 307)]);
    const error = await failureOf(sendOnce(get(from, { redirects: "download" }), options(fetch)));
    const url = new URL(from);
    // A path that is not one of this tool's own is named by its shape (url-shape.ts).
    const path = url.pathname === "/x" ? "/*" : url.pathname;
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `GET ${url.origin}${path} was redirected (307) to ${what}; not followed.`,
    );
    expect(calls).toHaveLength(1);
  });

  it.each([300, 399])("follows a %i with a Location", async (status) => {
    const { fetch, calls } = scripted([redirect("/timmi-timesheet/api/reports/2", status), ok()]);
    const open = await sendOnce(get(`${REPORTS}/1`), options(fetch));
    expect(open.url.href).toBe(`${REPORTS}/2`);
    expect(calls).toHaveLength(2);
  });

  it("treats a 400 with a Location as a rejection", async () => {
    const { fetch, calls } = scripted([
      () => new Response("bad", { status: 400, headers: { location: "/x" } }),
    ]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1`), options(fetch)));
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(calls).toHaveLength(1);
  });

  it("drops Authorization, in any letter case, on the way to another origin", async () => {
    const { fetch, calls } = scripted([redirect("https://storage.example/f.csv"), ok()]);
    await sendOnce(
      get(`${REPORTS}/1/download-csv`, {
        headers: { Authorization: `lucca application=${KEY}`, accept: "text/csv" },
        redirects: "download",
      }),
      options(fetch),
    );
    expect(calls.map((call) => call.headers)).toEqual([
      { Authorization: `lucca application=${KEY}`, accept: "text/csv" },
      { accept: "text/csv" },
    ]);
  });

  it("refuses a Location that is not a URL", async () => {
    const { fetch } = scripted([redirect("http://[bad", 301)]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1?x=1`), options(fetch)));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `GET ${REPORTS}/1 was redirected (301) to something that is not a URL; not followed.`,
    );
  });

  it("never takes an API call to another origin, and says what that means", async () => {
    const { fetch, calls } = scripted([redirect("/step"), redirect("https://login.example/sso")]);
    const hints: number[] = [];
    const error = await failureOf(
      sendOnce(
        get(`${REPORTS}/1`),
        options(fetch, {
          hint: (status) => {
            hints.push(status);
            return "Check the key.";
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(error.message).toBe(
      `GET ${ORIGIN}/* was redirected (302) to another origin, https://login.example; API calls are not followed there. Either the domain is not the Lucca API (check it), or Lucca sent the call to a sign-in page because it did not accept the key. Check the key.`,
    );
    expect(error).toMatchObject({
      status: 302,
      method: "GET",
      url: `${ORIGIN}/*`,
      bodyExcerpt: "",
      hint: "Check the key.",
    });
    expect(hints).toEqual([401, 401]);
    expect(calls).toHaveLength(2);
  });
});

describe("sendOnce after a POST was answered with see-other", () => {
  const seeOther = `POST ${REPORTS} was answered 303 (see /timmi-timesheet/api/reports/7)`;
  const notRetried =
    "Not retried, so that no second report is created; the report may exist in Lucca.";

  it("does not let a transient failure of the GET be retried", async () => {
    const { fetch } = scripted([
      redirect("/timmi-timesheet/api/reports/7?token=1", 303),
      () => new Response("busy", { status: 503 }),
    ]);
    const error = await failureOf(sendOnce(post(), options(fetch)));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `${seeOther}, and reading that answer failed: GET ${REPORTS}/7 answered 503: busy. ${notRetried}`,
    );
    expect(error.cause).toBeInstanceOf(TransientFailure);
  });

  it("nor a network error", async () => {
    const { fetch } = scripted([
      redirect("/timmi-timesheet/api/reports/7", 303),
      () => Promise.reject(new TypeError("socket hang up")),
    ]);
    const error = await failureOf(sendOnce(post(), options(fetch)));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `${seeOther}, and reading that answer failed: network error: socket hang up. ${notRetried}`,
    );
  });

  it("nor too many redirects", async () => {
    const { fetch } = scripted([
      redirect("/timmi-timesheet/api/reports/7", 303),
      ...Array.from({ length: 5 }, () => redirect("/timmi-timesheet/api/reports/7", 302)),
    ]);
    const error = await failureOf(sendOnce(post(), options(fetch)));
    expect(error).toBeInstanceOf(UnusableAnswerError);
    expect(error.message).toBe(
      `${seeOther}, and reading that answer failed: more than 5 redirects. ${notRetried}`,
    );
  });

  it("gives a rejection of the GET as it is", async () => {
    const { fetch } = scripted([
      redirect("/timmi-timesheet/api/reports/7", 303),
      () => new Response("gone", { status: 404 }),
    ]);
    const error = await failureOf(sendOnce(post(), options(fetch)));
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(error.message).toBe(`Lucca rejected GET ${REPORTS}/7 with 404 (gone). hint for 404.`);
  });

  it("lets a failure after a 307 be retried: the POST was not taken", async () => {
    const { fetch } = scripted([
      redirect("/timmi-timesheet/api/reports/7", 307),
      () => new Response("", { status: 502 }),
    ]);
    const error = await failureOf(sendOnce(post(), options(fetch)));
    expect(error).toBeInstanceOf(TransientFailure);
    expect(error.message).toBe(`POST ${REPORTS}/7 answered 502: empty body`);
  });
});

describe("sendOnce failures", () => {
  it("a transient status: the excerpt, the status and the Retry-After", async () => {
    const { fetch } = scripted([
      () =>
        new Response(`{"Message":"slow down ${KEY}"}`, {
          status: 429,
          headers: { "retry-after": "Sat, 28 Nov 2026 12:00:07 GMT" },
        }),
    ]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1?k=1`), options(fetch)));
    expect(error).toBeInstanceOf(TransientFailure);
    expect(error).toMatchObject({
      message: `GET ${REPORTS}/1 answered 429: slow down ***`,
      status: 429,
      retryAfterMs: 7_000,
    });
  });

  it.each([408, 500, 599])("%i is transient", async (status) => {
    const { fetch } = scripted([
      () => new Response("x", { status, headers: { "retry-after": "2" } }),
    ]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1`), options(fetch)));
    expect(error).toMatchObject({ name: "TransientFailure", status, retryAfterMs: 2_000 });
  });

  it("a rejection: the excerpt, the hint for its status and every field", async () => {
    const { fetch } = scripted([
      () => Response.json({ Message: "No such report" }, { status: 404 }),
    ]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1?x=1`), options(fetch)));
    expect(error).toBeInstanceOf(LuccaRejectedError);
    expect(error.message).toBe(
      `Lucca rejected GET ${REPORTS}/1 with 404 (No such report). hint for 404.`,
    );
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      url: `${REPORTS}/1`,
      bodyExcerpt: "No such report",
      hint: "hint for 404.",
    });
  });

  it("never shows the body of another origin", async () => {
    const { fetch } = scripted([
      redirect("https://storage.example/f.csv?sig=1"),
      () => new Response("internal: db01 password=hunter2", { status: 403 }),
    ]);
    const error = await failureOf(
      sendOnce(get(`${REPORTS}/1/download-csv`, { redirects: "download" }), options(fetch)),
    );
    expect(error.message).toBe(
      "Lucca rejected GET https://storage.example/*.csv with 403. hint for 403.",
    );
    expect(error).toMatchObject({ bodyExcerpt: "" });
    const { fetch: busy } = scripted([
      redirect("https://storage.example/f.csv"),
      () => new Response("internal", { status: 503 }),
    ]);
    const transient = await failureOf(
      sendOnce(get(`${REPORTS}/1/download-csv`, { redirects: "download" }), options(busy)),
    );
    expect(transient.message).toBe("GET https://storage.example/*.csv answered 503");
  });

  it("names a redirect's target by its shape, the key redacted, never its file name", async () => {
    const { fetch } = scripted([
      redirect(`https://${KEY}.storage.example/${KEY}/Dupont_Jean.csv?${KEY}=1`),
      () => new Response(null, { status: 404 }),
    ]);
    const error = await failureOf(
      sendOnce(get(`${REPORTS}/1/download-csv`, { redirects: "download" }), options(fetch)),
    );
    expect(error.message).toBe(
      "Lucca rejected GET https://***.storage.example/*/*.csv with 404. hint for 404.",
    );
    expect(error).toMatchObject({ url: "https://***.storage.example/*/*.csv" });
  });

  it("lets go of another origin's body unread", async () => {
    const events: string[] = [];
    const body = () =>
      new ReadableStream({
        pull(controller) {
          events.push("read");
          controller.enqueue(new TextEncoder().encode("internal"));
        },
        cancel() {
          events.push("cancelled");
        },
      });
    const { fetch } = scripted([
      redirect("https://storage.example/f.csv"),
      () => new Response(body(), { status: 403 }),
    ]);
    await failureOf(
      sendOnce(get(`${REPORTS}/1/download-csv`, { redirects: "download" }), options(fetch)),
    );
    expect(events.at(-1)).toBe("cancelled");
  });

  it("a network error names its cause, and keeps it when it holds no secret", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("ECONNRESET") });
    const { fetch } = scripted([() => Promise.reject(cause)]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1`), options(fetch)));
    expect(error).toBeInstanceOf(TransientFailure);
    expect(error.message).toBe("network error: fetch failed: ECONNRESET");
    expect(error.cause).toBe(cause);
    const odd = { cause: "not an error" };
    const { fetch: other } = scripted([
      () => Promise.reject(Object.assign(new Error("refused"), odd)),
    ]);
    expect((await failureOf(sendOnce(get(`${REPORTS}/1`), options(other)))).message).toBe(
      "network error: refused",
    );
  });

  it("a network error that quotes the key keeps neither the key nor the original", async () => {
    const { fetch } = scripted([() => Promise.reject(new RangeError(`bad header ${KEY}`))]);
    const error = await failureOf(sendOnce(get(`${REPORTS}/1`), options(fetch)));
    expect(error.message).toBe("network error: bad header ***");
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "RangeError", message: "bad header ***" });
    const { fetch: thrown } = scripted([() => Promise.reject(`thrown ${KEY}`)]);
    const plain = await failureOf(sendOnce(get(`${REPORTS}/1`), options(thrown)));
    expect(plain.message).toBe("network error: thrown ***");
    expect(plain.cause).toMatchObject({ name: "Error", message: "thrown ***" });
  });

  it("the job's abort reason, whatever the fetch threw", async () => {
    const job = new AbortController();
    const reason = new Error("cancelled");
    const { fetch } = scripted([
      () => {
        job.abort(reason);
        return Promise.reject(new TypeError("aborted"));
      },
    ]);
    await expect(
      sendOnce(get(`${REPORTS}/1`), options(fetch, { signal: job.signal })),
    ).rejects.toBe(reason);
  });

  it("the job's abort reason when the job ends while an error body is read", async () => {
    const job = new AbortController();
    const reason = new Error("cancelled while reading");
    const body = new ReadableStream({
      pull(controller) {
        job.abort(reason);
        controller.error(new Error("reset"));
      },
    });
    const { fetch } = scripted([() => new Response(body, { status: 500 })]);
    await expect(
      sendOnce(get(`${REPORTS}/1`), options(fetch, { signal: job.signal })),
    ).rejects.toBe(reason);
  });

  it("aborts the request in flight when the job ends", async () => {
    const job = new AbortController();
    const reason = new Error("SIGINT");
    let requestAborted: boolean | undefined;
    const fetch: FetchLike = async (_input, init) => {
      job.abort(reason);
      requestAborted = init?.signal?.aborted;
      throw new DOMException("aborted", "AbortError");
    };
    await expect(
      sendOnce(get(`${REPORTS}/1`), options(fetch, { signal: job.signal })),
    ).rejects.toBe(reason);
    expect(requestAborted).toBe(true);
  });
});

describe("sendOnce's request timeout and slot", () => {
  it("cuts a request with no headers after requestTimeoutMs, then clears its timer", async () => {
    vi.useFakeTimers();
    const fetch: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () =>
          reject(new DOMException("aborted", "AbortError")),
        );
      });
    const sent = failureOf(
      sendOnce(get(`${REPORTS}/1`), options(fetch, { requestTimeoutMs: 1_500 })),
    );
    let settled = false;
    void sent.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(1_499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await sent;
    expect(error).toBeInstanceOf(TransientFailure);
    expect(error.message).toBe("no response within 1500 ms");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("clears its timer once answered", async () => {
    vi.useFakeTimers();
    const { fetch } = scripted([ok()]);
    await sendOnce(get(`${REPORTS}/1`), options(fetch));
    expect(vi.getTimerCount()).toBe(0);
  });

  it("waits for a slot before the timeout starts, and gives it back once, answered or failed", async () => {
    vi.useFakeTimers();
    const events: string[] = [];
    const job = new AbortController();
    const takeSlot = async (signal: AbortSignal) => {
      events.push(signal === job.signal ? "take(job signal)" : "take(other signal)");
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      return () => events.push("give back");
    };
    const answers = [new Response("{}"), new Response("bad", { status: 400 })];
    const fetch: FetchLike = async (_input, init) => {
      events.push(init?.signal?.aborted ? "fetch (timed out)" : "fetch");
      return answers.shift() as Response;
    };
    const first = sendOnce(
      get(`${REPORTS}/1`),
      options(fetch, { signal: job.signal, takeSlot, requestTimeoutMs: 1_000 }),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(first).resolves.toMatchObject({ url: new URL(`${REPORTS}/1`) });
    const second = failureOf(
      sendOnce(get(`${REPORTS}/1`), options(fetch, { signal: job.signal, takeSlot })),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await second).toBeInstanceOf(LuccaRejectedError);
    expect(events).toEqual([
      "take(job signal)",
      "fetch",
      "give back",
      "take(job signal)",
      "fetch",
      "give back",
    ]);
  });
});

describe("readExcerpt", () => {
  it("gives the message of an error body, redacted, on one line", async () => {
    expect(await readExcerpt(new Response('{"message":"  no such   report "}'))).toBe(
      "no such report",
    );
    expect(await readExcerpt(new Response(`bad ${KEY}`), [KEY])).toBe("bad ***");
    expect(await readExcerpt(new Response(null))).toBe("empty body");
  });

  it("gives a body that is not a page or an error by its type, size and first bytes", async () => {
    const rows = "Jeanne Varenne;E-20931;jv@example.org\r\nBastien Ollier;E-20932;bo@example.org";
    const shown = await readExcerpt(
      new Response(rows, { headers: { "content-type": 'text/csv; name="Varenne.csv"' } }),
    );
    expect(shown).toBe(
      "not shown, as it may hold the report's rows: text/csv, 76 bytes, first bytes 4a 65 61 6e 6e 65 20 56",
    );
    expect(await readExcerpt(new Response("x".repeat(400)))).toMatch(/^not shown.*, 400 bytes,/);
    // A message of two lines is not quoted either.
    expect(await readExcerpt(new Response('{"message":"no\\nsuch"}'))).toMatch(
      /^not shown.*, 22 bytes,/,
    );
  });

  it("blanks nothing when given no secrets", async () => {
    expect(await readExcerpt(new Response("Stryker was here!"))).toBe("Stryker was here!");
  });

  it("reads the first 64 KiB only", async () => {
    expect(await readExcerpt(new Response(`${" ".repeat(64 * 1024 - 1)}b`))).toBe("b");
    expect(await readExcerpt(new Response(`${" ".repeat(64 * 1024)}b`))).toBe("empty body");
  });

  it("gives nothing when the body fails", async () => {
    const failing = new ReadableStream({
      pull(controller) {
        controller.error(new Error("reset"));
      },
    });
    expect(await readExcerpt(new Response(failing))).toBe("");
  });
});
