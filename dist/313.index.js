export const id = 313;
export const ids = [313,64];
export const modules = {

/***/ 76627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ sameBytes)
/* harmony export */ });
/** Byte-for-byte equality; an absent file equals only another absent file. */
function sameBytes(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}


/***/ }),

/***/ 89425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ afterBranchMoved)
/* harmony export */ });
/* harmony import */ var _core_backoff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93915);
/* harmony import */ var _core_delay_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36968);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);



/**
 * Another run moved the branch between our read and our write: give up once `attempts`
 * writes have been tried, else wait a little (0.5 s, 1 s, … 8 s, jittered so that runs
 * racing each other spread out) before the caller redoes its commit on the new tip.
 */
async function afterBranchMoved(options) {
    if (options.attempt >= options.attempts) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LuccaReportError */ .v1(`Cannot ${options.what} to ${options.branch}: the branch moved on every one of ${options.attempt} attempts; re-run the job`);
    }
    await (0,_core_delay_js__WEBPACK_IMPORTED_MODULE_1__/* .delay */ .cb)((0,_core_backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffDelay */ .E)(options.attempt - 1, {
        initialMs: 500,
        maxMs: 8000,
        jitter: 0.5,
        random: options.random,
    }), options.signal);
}


/***/ }),

/***/ 57683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffCsvFiles: () => (/* binding */ diffCsvFiles),
  normalisedSha256: () => (/* binding */ normalisedSha256),
  sameContent: () => (/* binding */ sameContent)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/csv-records.ts
var csv_records = __webpack_require__(47656);
// EXTERNAL MODULE: ./src/core/same-bytes.ts
var same_bytes = __webpack_require__(76627);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/encoding.ts
var core_encoding = __webpack_require__(23590);
;// CONCATENATED MODULE: ./src/publish/csv-source.ts


const CHUNK = 64 * 1024;
/** The source's raw chunks: streamed from disk, or sliced from memory without copying. */
async function* chunksOf(source) {
    if (typeof source === "string") {
        yield* (0,external_node_fs_.createReadStream)(source);
        return;
    }
    const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    for (let at = 0; at < bytes.length; at += CHUNK)
        yield bytes.subarray(at, at + CHUNK);
}
/** How a source is named in a message: its path, or what it is. */
function sourceName(source) {
    return typeof source === "string" ? source : `the previous version (${source.byteLength} bytes)`;
}
/**
 * A CSV file's chunks as UTF-8, so that records split on bytes and read as text whatever the
 * file's encoding (told from its first chunk, as the preview does). UTF-8 passes through
 * untouched; UTF-16 and Windows-1252 are transcoded, their BOM dropped.
 */
async function* readAsUtf8(source) {
    let decoder;
    let utf8 = false;
    for await (const chunk of chunksOf(source)) {
        if (decoder === undefined && !utf8) {
            const { encoding } = (0,core_encoding/* detectEncoding */.X0)(chunk);
            utf8 = encoding === "utf-8";
            if (!utf8)
                decoder = (0,core_encoding/* createDecoder */.$C)(encoding);
        }
        yield decoder ? Buffer.from(decoder.decode(chunk, false), "utf8") : chunk;
    }
    if (decoder) {
        const rest = decoder.decode(new Uint8Array(0), true);
        if (rest)
            yield Buffer.from(rest, "utf8");
    }
}

;// CONCATENATED MODULE: ./src/publish/csv-diff.ts




const LF = 0x0a;
const EXAMPLE_LENGTH = 200;
/** A longer record is almost surely an unbalanced quote; holding it would hold the whole file. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/**
 * Compares two CSV reports by content: which records were added and which removed, whatever
 * their order. Streams both files from disk and keeps a 64-bit hash per distinct record, never
 * the records themselves, beyond a few examples. The header record is not counted as added or
 * removed, but a different header is a change.
 */
async function diffCsvFiles(previousPath, currentPath, options = {}) {
    const examples = options.examples ?? 3;
    const maxRecords = options.maxRecords ?? 2_000_000;
    const ignore = statelessCopy(options.ignoreLines);
    try {
        const previous = await readSide(previousPath, ignore, "count", maxRecords, 0);
        // Past maxRecords in the previous file, the current one only needs hashing.
        const current = await readSide(currentPath, ignore, previous.counts, maxRecords, examples);
        if (!previous.counts || !current.compared) {
            return notCompared(previous.sha256 !== current.sha256);
        }
        let removed = 0;
        for (const count of previous.counts.values())
            removed += count;
        const removedExamples = 
        // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
        // `removed > 0` -> true or `>=`: with nothing removed, nothing is found.
        removed > 0 && examples > 0
            ? await leftOver(previousPath, ignore, previous.counts, Math.min(examples, removed))
            : [];
        const headerChanged = previous.header === undefined || current.header === undefined
            ? previous.header !== current.header
            : !previous.header.equals(current.header);
        return {
            changed: headerChanged || current.added > 0 || removed > 0,
            added: current.added,
            removed,
            addedExamples: current.addedExamples,
            removedExamples,
            comparedRecords: true,
        };
    }
    catch (error) {
        // Stryker disable next-line ConditionalExpression: equivalent
        // Catching every error (-> false): rawSha256 throws the same file error again.
        if (!(error instanceof RecordTooLongError))
            throw error;
        // Not CSV as far as records go: the bytes decide, line ends and BOM included.
        return notCompared((await rawSha256(previousPath)) !== (await rawSha256(currentPath)));
    }
}
/**
 * Whether two versions of a report hold the same content: equal bytes, or (with `ignoreLines`)
 * the same records once those matching it are left out, by the same rule as the diff and the
 * artifact mode's change detection. Commit, signed commit and pull request all ask this.
 */
async function sameContent(a, b, ignoreLines) {
    if (typeof a !== "string" && typeof b !== "string" && (0,same_bytes/* sameBytes */.e)(a, b))
        return true;
    if (!ignoreLines)
        return (await rawSha256(a)) === (await rawSha256(b));
    return (await normalisedSha256(a, ignoreLines)) === (await normalisedSha256(b, ignoreLines));
}
/**
 * SHA-256 over the records that do not match `ignoreLines`, each followed by LF: a BOM, CRLF
 * against LF and blank lines make no difference, nor does a line such as an export timestamp.
 */
async function normalisedSha256(path, ignoreLines) {
    const digest = new RecordDigest();
    const ignore = statelessCopy(ignoreLines);
    await forEachRecord(path, (record) => {
        if (!ignore?.test(record.toString("utf8")))
            digest.add(record);
    });
    return digest.hex();
}
/**
 * One pass over a file: its normalised hash and header, and either the counts of its data
 * records (`against` is "count") or the records not found in `against` (which it decrements),
 * or nothing more (`against` undefined).
 */
async function readSide(path, ignore, against, maxRecords, examples) {
    const digest = new RecordDigest();
    let counts = against === "count" ? new Map() : undefined;
    let matching = against === "count" ? undefined : against;
    let header;
    let records = 0;
    let added = 0;
    const addedExamples = [];
    await forEachRecord(path, (record) => {
        if (ignore?.test(record.toString("utf8")))
            return;
        digest.add(record);
        if (header === undefined) {
            header = Buffer.from(record);
            return;
        }
        if (++records > maxRecords) {
            // Free the counts now: the rest of the file only feeds the hash.
            counts = undefined;
            matching = undefined;
        }
        if (counts) {
            const key = keyOf(record);
            counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        else if (matching) {
            const key = keyOf(record);
            const left = matching.get(key) ?? 0;
            if (left > 0)
                matching.set(key, left - 1);
            else {
                added++;
                if (addedExamples.length < examples)
                    addedExamples.push(example(record));
            }
        }
    });
    return {
        sha256: digest.hex(),
        header: header,
        counts,
        compared: matching !== undefined,
        added,
        addedExamples,
    };
}
/** The first `wanted` records of the file still left in `counts` (the removed ones). */
async function leftOver(path, ignore, counts, wanted) {
    const found = [];
    let header = true;
    await forEachRecord(path, (record) => {
        if (ignore?.test(record.toString("utf8")))
            return;
        if (header) {
            header = false;
            return;
        }
        const key = keyOf(record);
        const left = counts.get(key) ?? 0;
        if (left === 0)
            return;
        counts.set(key, left - 1);
        found.push(example(record));
        return found.length < wanted;
    });
    return found;
}
/**
 * Calls `onRecord` with the bytes of each record of a CSV file, streamed from disk; `false`
 * from it stops the reading. Records are split by csv-records.ts's rule (the row count's and
 * the preview's): LF or CRLF outside quotes ends one, blank lines are left out. Each record
 * comes without its line end and with the CRLFs in its quoted fields as LF, so CRLF and LF
 * files compare equal; a leading UTF-8 BOM is dropped. A record's bytes are only valid during
 * the call.
 */
async function forEachRecord(path, onRecord) {
    const split = (0,csv_records/* newRecordSplit */.oB)();
    let firstChunk = true;
    // The start of a record that a chunk boundary cut.
    let carried = [];
    let carriedBytes = 0;
    const finish = (tail) => {
        let record = tail;
        // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
        // -> true or `>=`: concatenating nothing gives the tail.
        if (carriedBytes > 0) {
            record = Buffer.concat([...carried, tail], carriedBytes + tail.length);
            carried = [];
            carriedBytes = 0;
        }
        const body = (0,csv_records/* recordBody */.EV)(record);
        return onRecord(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    };
    for await (const chunk of readAsUtf8(path)) {
        let start = 0;
        if (firstChunk) {
            firstChunk = false;
            if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
                start = 3;
        }
        const stop = (0,csv_records/* splitRecords */.DQ)(chunk, start, chunk.length, split, (lf, blank) => {
            const more = blank ? undefined : finish(chunk.subarray(start, lf));
            // Stryker disable next-line ConditionalExpression: -> true is equivalent
            // finish() has cleared the carried bytes already.
            if (blank) {
                carried = [];
                carriedBytes = 0;
            }
            start = lf + 1;
            return more === false ? false : undefined;
        });
        // Returning ends the for-await, which closes the stream.
        // Stryker disable next-line EqualityOperator: `>` is equivalent
        // A stop is the offset after a line feed, at least 1.
        if (stop >= 0)
            return;
        // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
        // -> true or `<=`: it pushes an empty slice.
        if (start < chunk.length) {
            carried.push(chunk.subarray(start));
            carriedBytes += chunk.length - start;
            if (carriedBytes > MAX_RECORD_BYTES)
                throw new RecordTooLongError(sourceName(path));
        }
    }
    if (split.content)
        finish(Buffer.alloc(0));
}
class RecordTooLongError extends Error {
    constructor(path) {
        super(`Cannot split ${path} into CSV records: one is longer than ${MAX_RECORD_BYTES} bytes`);
        this.name = "RecordTooLongError";
    }
}
/**
 * A 64-bit hash of the record as a 4-character string, the Map key. Two 32-bit lanes with
 * different multipliers, each finished with murmur3's fmix32. Not node:crypto: one native call
 * a record cost several times the whole byte loop; collisions need no resisting here.
 */
function keyOf(record) {
    let a = 0x811c9dc5 ^ record.length;
    let b = 0x9747b28c;
    // Stryker disable next-line EqualityOperator: `<=` is equivalent
    // The same change for every record.
    for (let i = 0; i < record.length; i++) {
        const byte = record[i];
        a = Math.imul(a ^ byte, 0x01000193);
        b = Math.imul(b ^ byte, 0x5bd1e995);
        b ^= b >>> 15;
    }
    a = fmix32(a);
    b = fmix32(b ^ a);
    return String.fromCharCode(a & 0xffff, a >>> 16, b & 0xffff, b >>> 16);
}
function fmix32(h) {
    let x = h ^ (h >>> 16);
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    return x ^ (x >>> 16);
}
/** SHA-256 over records each followed by LF, fed in 64 KiB batches: far fewer native calls. */
class RecordDigest {
    #digest = (0,external_node_crypto_.createHash)("sha256");
    #batch = Buffer.allocUnsafe(64 * 1024);
    #length = 0;
    add(record) {
        if (this.#length + record.length >= this.#batch.length) {
            this.#flush();
            if (record.length >= this.#batch.length) {
                this.#digest.update(record);
                this.#digest.update("\n");
                return;
            }
        }
        this.#batch.set(record, this.#length);
        this.#length += record.length;
        this.#batch[this.#length++] = LF;
    }
    hex() {
        this.#flush();
        return this.#digest.digest("hex");
    }
    #flush() {
        if (this.#length > 0)
            this.#digest.update(this.#batch.subarray(0, this.#length));
        this.#length = 0;
    }
}
function example(record) {
    const chars = Array.from(record.toString("utf8").replace(/\r\n|\n|\r/g, "⏎"));
    return chars.length > EXAMPLE_LENGTH
        ? `${chars.slice(0, EXAMPLE_LENGTH - 1).join("")}…`
        : chars.join("");
}
function notCompared(changed) {
    return {
        changed,
        added: 0,
        removed: 0,
        addedExamples: [],
        removedExamples: [],
        comparedRecords: false,
    };
}
/** `test` on a global or sticky RegExp moves `lastIndex` and would skip matches. */
function statelessCopy(pattern) {
    return pattern && (pattern.global || pattern.sticky)
        ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""))
        : pattern;
}
async function rawSha256(path) {
    const digest = (0,external_node_crypto_.createHash)("sha256");
    for await (const chunk of chunksOf(path))
        digest.update(chunk);
    return digest.digest("hex");
}


/***/ }),

/***/ 24313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitViaApi: () => (/* binding */ commitViaApi)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _core_same_bytes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76627);
/* harmony import */ var _branch_moved_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89425);
/* harmony import */ var _api_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64301);




/**
 * Commits the files that differ from the branch on top of it through GitHub's Git Data API and
 * moves the branch without force. A 422 on the ref update means another run moved it: the commit is made
 * again on the new tip, unless that run changed one of the same files differently.
 */
async function commitViaApi(request) {
    const { client, branch } = request;
    const signal = request.signal ?? new AbortController().signal;
    (0,_api_files_js__WEBPACK_IMPORTED_MODULE_2__/* .checkBlobSizes */ .Cr)(request.files, request.maxBlobBytes);
    const blobs = new Map();
    let previous;
    for (let attempt = 1;; attempt++) {
        signal.throwIfAborted();
        const tip = await client.branchTip(branch);
        const base = tip ?? (await request.startPoint());
        const { holds, before, changed } = await (0,_api_files_js__WEBPACK_IMPORTED_MODULE_2__/* .holdsFiles */ .kp)(client, base, request.files, request.ignoreLines);
        if (holds) {
            return {
                branch,
                changed: false,
                commitSha: undefined,
                changedPaths: [],
                verified: false,
                attempts: attempt,
            };
        }
        // Stryker disable next-line ConditionalExpression: equivalent
        // `previous.base !== base` -> true: the same base commit holds the same files, so nothing can
        // count as changed meanwhile.
        if (previous && previous.base !== base) {
            const changedMeanwhile = request.files.filter((_file, index) => !(0,_core_same_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .sameBytes */ .e)(previous?.before[index], before[index]));
            if (changedMeanwhile.length > 0) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LuccaReportError */ .v1(`Cannot commit the report to ${branch}: while this run was committing, another one changed ` +
                    `${changedMeanwhile.map((file) => file.path).join(", ")} differently (now at ${base.slice(0, 12)}). ` +
                    "Nothing was overwritten; check which report is right and re-run.");
            }
        }
        const commit = await (0,_api_files_js__WEBPACK_IMPORTED_MODULE_2__/* .createFilesCommit */ .$p)(client, {
            parent: base,
            files: changed,
            message: typeof request.message === "string" ? request.message : request.message(changed),
            identity: request.identity,
            blobs,
        });
        await request.beforeRefUpdate?.(attempt);
        const outcome = tip === undefined
            ? (await client.createBranch(branch, commit.sha)) === "created"
                ? "updated"
                : "moved"
            : await client.updateBranch(branch, commit.sha, false);
        if (outcome === "updated") {
            return {
                branch,
                changed: true,
                commitSha: commit.sha,
                changedPaths: changed.map((file) => file.path),
                verified: commit.verified,
                attempts: attempt,
            };
        }
        previous = { base, before };
        await (0,_branch_moved_js__WEBPACK_IMPORTED_MODULE_1__/* .afterBranchMoved */ .M)({
            what: "commit the report",
            branch,
            attempt,
            attempts: request.attempts,
            signal,
            random: request.random,
        });
    }
}


/***/ }),

/***/ 64301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ createFilesCommit),
/* harmony export */   Cr: () => (/* binding */ checkBlobSizes),
/* harmony export */   kp: () => (/* binding */ holdsFiles)
/* harmony export */ });
/* unused harmony exports gitBlobSha, filesAt */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _csv_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57683);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38402);




/** The id git gives these bytes as a blob, so equal content is found without a download. */
function gitBlobSha(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}
/** Refuses, before any write, a file GitHub's blob API would not take. */
function checkBlobSizes(files, maxBytes = _client_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_BLOB_BYTES */ .T) {
    const tooBig = files.filter((file) => file.content.length > maxBytes);
    if (tooBig.length > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LuccaReportError */ .v1(`Cannot commit through GitHub's API: ${tooBig
            .map((file) => `${file.path} is ${file.content.length} bytes`)
            .join(", ")}, over the ${maxBytes}-byte limit of one blob. ` +
            "Publish it as an artifact, or with publish: commit and sign-commits: false (git push).");
    }
}
/** Each file's bytes at `commit`, undefined where the commit does not have it. */
async function filesAt(client, commit, paths) {
    const { tree } = await client.commit(commit);
    const trees = new Map();
    const listing = (sha) => {
        const known = trees.get(sha);
        if (known)
            return known;
        const entries = client.tree(sha);
        trees.set(sha, entries);
        return entries;
    };
    const out = [];
    for (const path of paths) {
        let sha = tree;
        const parts = path.split("/");
        for (const [index, part] of parts.entries()) {
            const entries = await listing(sha);
            const wanted = index === parts.length - 1 ? "blob" : "tree";
            sha = entries.find((entry) => entry.path === part && entry.type === wanted)?.sha;
            if (sha === undefined)
                break;
        }
        out.push(sha === undefined ? undefined : await client.blob(sha));
    }
    return out;
}
/**
 * What `commit` holds of the files: `changed` lists those that differ (missing, or different
 * bytes beyond the ignored lines); `holds` is true when none does.
 */
async function holdsFiles(client, commit, files, ignoreLines) {
    const before = await filesAt(client, commit, files.map((file) => file.path));
    const changed = [];
    for (const [index, file] of files.entries()) {
        const was = before[index];
        if (was === undefined || !(await (0,_csv_diff_js__WEBPACK_IMPORTED_MODULE_2__.sameContent)(was, file.content, ignoreLines))) {
            changed.push({ ...file, before: was });
        }
    }
    return { holds: changed.length === 0, before, changed };
}
/**
 * One commit on `parent` with `files` added or replaced: blobs, a tree on the parent's tree,
 * the commit. Blobs already sent (same bytes) are not sent again.
 */
async function createFilesCommit(client, options) {
    const blobs = options.blobs ?? new Map();
    const entries = [];
    for (const file of options.files) {
        const local = gitBlobSha(file.content);
        let sha = blobs.get(local);
        if (sha === undefined) {
            sha = await client.createBlob(file.content);
            blobs.set(local, sha);
        }
        entries.push({ path: file.path, sha });
    }
    const { tree: baseTree } = await client.commit(options.parent);
    const tree = await client.createTree(baseTree, entries);
    return client.createCommit({
        message: options.message,
        tree,
        parents: [options.parent],
        author: options.identity?.author,
        committer: options.identity?.committer,
    });
}


/***/ })

};
