export const id = 375;
export const ids = [375];
export const modules = {

/***/ 8375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createUndiciFetch: () => (/* binding */ createUndiciFetch)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);

/** undici's buffer per response body: 1 MiB was 30-40% faster than its 64 KiB default, 4 MiB slower. */
const BODY_HIGH_WATER_MARK = 1 << 20;
/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * The core's fetch, on Node, as `undici.request`: the same requests and answers, without
 * fetch's per-chunk cost (0.5-0.8 CPU s per GiB of download). Redirects are not followed
 * (the core follows them itself, dropping Authorization across origins) and bodies are not
 * decompressed (no Accept-Encoding is sent). The body is handed to the core as a web stream
 * that pulls the undici body one chunk at a time, so backpressure reaches the socket.
 */
function createUndiciFetch(dispatcher) {
    return async (input, init = {}) => {
        if (input instanceof Request)
            throw new TypeError("undiciFetch takes a URL, not a Request");
        const answer = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(input, {
            method: (init.method ?? "GET"),
            headers: init.headers,
            body: typeof init.body === "string" ? init.body : null,
            signal: init.signal ?? undefined,
            highWaterMark: BODY_HIGH_WATER_MARK,
            ...(dispatcher && { dispatcher }),
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
            if (Array.isArray(value))
                for (const one of value)
                    headers.append(name, one);
            else if (value !== undefined)
                headers.set(name, value);
        }
        const status = answer.statusCode;
        if (NULL_BODY.has(status)) {
            answer.body.destroy();
            return new Response(null, { status, headers });
        }
        return new Response(webBody(answer.body), { status, headers });
    };
}
/** A pull stream over a Node body: a chunk is read from the socket only when asked for. */
function webBody(body) {
    // Errors reach the reader through chunks.next(); undici also emits them as events, and
    // one nobody listens to (a body cancelled before it was read) would crash the process.
    body.on("error", () => { });
    const chunks = body[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await chunks.next();
            if (done)
                controller.close();
            else
                controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        },
        async cancel() {
            await chunks.return?.().catch(() => { });
            body.destroy();
        },
    }, { highWaterMark: 0 });
}


/***/ })

};
