import { describe, expect, it } from "vitest";
import type { FetchLike } from "./http.ts";
import { type TraceRecord, tracingFetch } from "./trace.ts";
import { shapeOf, shapeOfText } from "./trace-shape.ts";

// The wrapped fetch answers hand-built Responses: what each record holds depends only on
// the request and the response given, and the clock is a counter.
const SECRET = "s3cr3t-key-0042";

function traced(answer: FetchLike, ticks = [100, 130, 175, 200, 260, 400]) {
  const records: TraceRecord[] = [];
  const clock = [...ticks];
  const fetch = tracingFetch(answer, {
    write: (record) => records.push(record),
    secrets: [SECRET],
    now: () => clock.shift() ?? 999,
  });
  return { fetch, records };
}

describe("shapeOf", () => {
  it("names each type, keeps the first item of an array and an empty array as empty", () => {
    expect(shapeOf(null)).toBe("null");
    expect(shapeOf(undefined)).toBe("undefined");
    expect(shapeOf("x")).toBe("string");
    expect(shapeOf(1)).toBe("number");
    expect(shapeOf([])).toEqual([]);
    expect(shapeOf([1, "a"])).toEqual(["number"]);
    expect(shapeOf({})).toEqual({});
  });

  it("stops at eight levels", () => {
    let deep: unknown = { id: 1 };
    for (let i = 0; i < 8; i++) deep = i % 2 ? { data: deep } : [deep];
    // Levels 0..7 are walked; what sits at level 8 is named only.
    expect(shapeOf(deep)).toEqual({ data: [{ data: [{ data: [{ data: ["object"] }] }] }] });
    expect(shapeOf([[[[[[[[[1]]]]]]]]])).toEqual([[[[[[[["array"]]]]]]]]);
    expect(shapeOf([[[[[[[[1]]]]]]]])).toEqual([[[[[[[["number"]]]]]]]]);
  });
});

describe("shapeOfText", () => {
  it("describes what is not JSON by its length only", () => {
    expect(shapeOfText("")).toBe("empty");
    expect(shapeOfText("<html>hi</html>")).toBe("text (15 chars, not JSON)");
    expect(shapeOfText('{"items":[true]}')).toEqual({ items: ["boolean"] });
  });
});

describe("tracingFetch records", () => {
  it("time, method, origin, path, query names, headers and bodies of one exchange", async () => {
    const { fetch, records } = traced(async () =>
      Response.json(
        { id: 5, name: "Ann" },
        {
          status: 201,
          headers: {
            "set-cookie": "session=abc",
            "x-echo": `key ${SECRET}`,
            location: `https://x.example/f?signature=${SECRET}&a=1`,
            "content-length": "22",
            "x-ratelimit-remaining": "49",
          },
        },
      ),
    );
    const response = await fetch(
      "https://acme.ilucca.net/timmi-timesheet/api/reports?b=1&a=2&b=3",
      {
        method: "post",
        headers: {
          authorization: `lucca application=${SECRET}`,
          "proxy-authorization": "Basic abc",
          cookie: "c=1",
          "x-note": `with ${SECRET}`,
          accept: "application/json",
        },
        body: '{"templateId":"42","filters":null}',
      },
    );
    // The caller's body is still there to read.
    expect(await response.json()).toEqual({ id: 5, name: "Ann" });
    expect(records).toEqual([
      {
        at: 30,
        method: "POST",
        origin: "https://acme.ilucca.net",
        path: "/timmi-timesheet/api/reports",
        query: ["b", "a"],
        status: 201,
        durationMs: 45,
        requestHeaders: { accept: "application/json" },
        requestBody: { templateId: "string", filters: "null" },
        responseHeaders: {
          "content-length": "22",
          "content-type": "application/json",
          location: "https://x.example/*?…",
          "x-ratelimit-remaining": "49",
        },
        responseHeadersLeftOut: 1,
        responseBody: { id: "number", name: "string" },
      },
    ]);
  });

  it("leaves out the query, the request body and the method when there are none", async () => {
    const { fetch, records } = traced(async () => new Response(null, { status: 204 }));
    await fetch(new URL("https://acme.ilucca.net/x"), { body: new Uint8Array([1]) });
    await fetch("https://acme.ilucca.net/y?");
    expect(records[0]).toEqual({
      at: 30,
      method: "GET",
      origin: "https://acme.ilucca.net",
      path: "/*",
      status: 204,
      durationMs: 45,
      requestHeaders: {},
      responseHeaders: {},
      responseBody: "empty",
    });
    expect(records[1]).not.toHaveProperty("query");
  });

  it("reads a Request's URL, method and headers when no init is given", async () => {
    const { fetch, records } = traced(async () => new Response("ok"));
    const request = new Request("https://acme.ilucca.net/r?token=1", {
      method: "PUT",
      headers: { "content-type": "text/csv", authorization: "x" },
    });
    await fetch(request);
    expect(records[0]).toMatchObject({
      method: "PUT",
      path: "/*",
      query: ["token"],
      requestHeaders: { "content-type": "text/csv" },
    });
    // The init wins over the Request's own.
    await fetch(request, { method: "DELETE", headers: { accept: "application/json" } });
    expect(records[1]).toMatchObject({
      method: "DELETE",
      requestHeaders: { accept: "application/json" },
    });
  });

  it("writes a failed exchange with status 0, its time and the error's name only", async () => {
    const named = new TypeError(`bad header ${SECRET}`);
    named.name = `Err${SECRET}`;
    const { fetch, records } = traced(() => Promise.reject(named));
    await expect(fetch("https://acme.ilucca.net/x")).rejects.toBe(named);
    const { fetch: other, records: more } = traced(() => Promise.reject("a string"));
    await expect(other("https://acme.ilucca.net/x")).rejects.toBe("a string");
    expect([...records, ...more]).toEqual([
      {
        at: 30,
        method: "GET",
        origin: "https://acme.ilucca.net",
        path: "/*",
        status: 0,
        durationMs: 45,
        requestHeaders: {},
        error: "Err***",
      },
      {
        at: 30,
        method: "GET",
        origin: "https://acme.ilucca.net",
        path: "/*",
        status: 0,
        durationMs: 45,
        requestHeaders: {},
        error: "error",
      },
    ]);
  });
});

describe("the shape of a response body", () => {
  const bodyOf = async (response: Response) => {
    const { fetch, records } = traced(async () => response);
    await fetch("https://acme.ilucca.net/x");
    return records[0]?.responseBody;
  };
  const json = (text: string, length: string | null, type = "application/json") => {
    const headers = new Headers({ "content-type": type });
    if (length !== null) headers.set("content-length", length);
    return new Response(text, { headers });
  };

  it("reads JSON up to 256 KiB whose length is told, in any letter case", async () => {
    expect(await bodyOf(json("[1]", "262144"))).toEqual(["number"]);
    expect(await bodyOf(json("[1]", "3", "Application/JSON; charset=utf-8"))).toEqual(["number"]);
    expect(await bodyOf(json("[1]", "3", "application/problem+json"))).toEqual(["number"]);
    expect(await bodyOf(json("nope", "4"))).toBe("text (4 chars, not JSON)");
  });

  it("does not read JSON said to be past 256 KiB", async () => {
    expect(await bodyOf(json("[1]", "262145"))).toBe("application/json, 262145 bytes (not read)");
  });

  it("reads JSON of an untold length (chunked), up to 256 KiB", async () => {
    expect(await bodyOf(json('{"id": 1}', null))).toEqual({ id: "number" });
    expect(await bodyOf(json(`[${"1,".repeat(128 * 1024)}1]`, null))).toBe(
      "JSON over 262144 bytes (not shaped)",
    );
  });

  it("leaves the caller the whole body of a chunked JSON answer it read", async () => {
    const { fetch } = traced(async () => json(`{"id": "${"9".repeat(300 * 1024)}"}`, null));
    const response = await fetch("https://acme.ilucca.net/x");
    expect((await response.json()).id).toHaveLength(300 * 1024);
  });

  it("never reads other bodies, and names an empty one", async () => {
    expect(await bodyOf(json("a;b", "3", "text/csv"))).toBe("text/csv, 3 bytes (not read)");
    const untyped = new Response(new Blob([new Uint8Array([1, 2])]));
    untyped.headers.delete("content-type");
    expect(await bodyOf(untyped)).toBe("no content type (not read)");
    expect(await bodyOf(json("", "0", "text/csv"))).toBe("empty");
    expect(await bodyOf(new Response(null, { headers: { "content-type": "text/csv" } }))).toBe(
      "empty",
    );
  });

  it("says unreadable when the JSON body fails", async () => {
    const failing = new ReadableStream({
      pull(controller) {
        controller.error(new Error("reset"));
      },
    });
    const response = new Response(failing, {
      headers: { "content-type": "application/json", "content-length": "10" },
    });
    expect(await bodyOf(response)).toBe("unreadable");
  });
});

describe("a redirect's location", () => {
  it("keeps this tool's own path, and shapes any other", async () => {
    const { fetch, records } = traced(
      async () =>
        new Response(null, {
          status: 302,
          headers: { location: "/timmi-timesheet/api/reports/1001" },
        }),
    );
    await fetch("https://acme.ilucca.net/x");
    expect(records[0]?.responseHeaders).toEqual({ location: "/timmi-timesheet/api/reports/1001" });
  });

  it("writes no name, no key and no query of the place it points at", async () => {
    const { fetch, records } = traced(
      async () =>
        new Response(null, {
          status: 302,
          headers: {
            location: `https://blob.example/${SECRET}/Dupont_Jean.csv?${SECRET}=1&sig=2`,
            link: "</n?page=2>",
          },
        }),
    );
    await fetch("https://acme.ilucca.net/x");
    expect(records[0]?.responseHeaders).toEqual({ location: "https://blob.example/*/*.csv?…" });
    expect(records[0]?.responseHeadersLeftOut).toBe(1);
  });

  it("writes the next request to that place shaped, its query names redacted", async () => {
    const { fetch, records } = traced(async () => new Response("a;b\n", { status: 200 }));
    await fetch(`https://${SECRET}.blob.example/${SECRET}/Dupont_Jean.csv?${SECRET}=1&sig=2`);
    expect(records[0]).toMatchObject({
      origin: "https://***.blob.example",
      path: "/*/*.csv",
      query: ["***", "sig"],
    });
    expect(JSON.stringify(records)).not.toMatch(/s3cr3t|Dupont/);
  });
});

describe("headers a server chose", () => {
  it("are left out, and Content-Type and Content-Disposition give kind and extension", async () => {
    const { fetch, records } = traced(
      async () =>
        new Response("a;b\n", {
          headers: {
            "content-type": 'text/csv; charset=utf-8; name="Dupont_Jean_timesheet.csv"',
            "content-disposition": 'attachment; filename="Dupont_Jean_timesheet.csv"',
            "x-owner": "jean.dupont@acme.fr",
            "x-generated-for": "Jean Dupont",
          },
        }),
    );
    await fetch("https://acme.ilucca.net/timmi-timesheet/api/reports/1/download-csv");
    expect(records[0]).toMatchObject({
      responseHeaders: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": "attachment; filename=*.csv",
      },
      responseHeadersLeftOut: 2,
      responseBody: "text/csv; charset=utf-8 (not read)",
    });
    expect(JSON.stringify(records)).not.toMatch(/Dupont|acme\.fr/);
  });
});
