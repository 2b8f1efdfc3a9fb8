export const id = 683;
export const ids = [683,64,335];
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

/***/ 59335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkoutSyncText: () => (/* binding */ checkoutSyncText),
/* harmony export */   fastForwardCheckout: () => (/* binding */ fastForwardCheckout),
/* harmony export */   fetchAndFastForwardCheckout: () => (/* binding */ fetchAndFastForwardCheckout),
/* harmony export */   tryFastForwardCheckout: () => (/* binding */ tryFastForwardCheckout)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80299);


/**
 * Moves a clean checkout of the pushed branch to the pushed commit, so that it no longer
 * lags behind the remote with the reports as untracked files. It moves only when HEAD is on
 * that branch at the commit's parent and nothing but the reports differs from HEAD: the move
 * then changes nothing in the working tree. Anything else leaves the checkout as it is.
 *
 * Plumbing rather than `git merge --ff-only`: the same two-tree merge (it refuses to overwrite
 * a local change or an untracked file) without the repository's hooks or merge settings.
 * The committed reports are staged first: the merge would refuse them as untracked files
 * (or as unstaged changes) even though they hold exactly the committed bytes.
 */
async function fastForwardCheckout(git, pushed) {
    const headResult = await git.exec(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
    const head = headResult.code === 0 ? headResult.stdout.trim() : undefined;
    const branch = await git.currentBranch();
    const left = (reason) => ({ moved: false, reason, branch, head });
    if (branch === undefined)
        return left("HEAD is detached");
    if (branch !== pushed.branch)
        return left(`it is on ${branch}, not ${pushed.branch}`);
    if (head === undefined)
        return left(`${branch} has no commit yet`);
    const parent = await git.exec(["rev-parse", "--verify", "--quiet", `${pushed.commit}^1`]);
    if (parent.code !== 0 || parent.stdout.trim() !== head) {
        return left(`${pushed.branch} had moved since it was checked out`);
    }
    const changes = await localChanges(git, pushed.reportPaths);
    if (changes.length > 0)
        return left(`it has uncommitted changes (${listed(changes)})`);
    const paths = pushed.committedPaths;
    if (paths.length > 0)
        await git.run(["update-index", "--add", "--", ...paths]);
    const merged = await git.exec(["read-tree", "-m", "-u", head, pushed.commit]);
    if (merged.code !== 0) {
        // Back to what it was: those paths were staged as HEAD has them (localChanges said so).
        if (paths.length > 0) {
            await git.exec(["reset", "--quiet", head, "--", ...paths], {
                env: { GIT_LITERAL_PATHSPECS: "1" },
            });
        }
        const said = (merged.stderr.trim() || merged.stdout.trim()).split("\n")[0] ?? "";
        return left(`git would not update it: ${said}`);
    }
    // The old value makes this refuse if anything moved the branch meanwhile.
    await git.run([
        "update-ref",
        "-m",
        "lucca-report: fast-forward to the pushed reports",
        `refs/heads/${branch}`,
        pushed.commit,
        head,
    ]);
    return { moved: true, branch, head: pushed.commit };
}
/**
 * Tracked files with staged or unstaged changes, conflicts included. A report's own
 * unstaged change does not count: the run itself wrote it.
 */
async function localChanges(git, reportPaths) {
    const reports = new Set(reportPaths);
    const args = ["status", "--porcelain=v1", "-z", "--untracked-files=no"];
    // Not run(): its trim would eat the first entry's leading space (" M path").
    const status = await git.exec(args);
    if (status.code !== 0)
        throw new _git_js__WEBPACK_IMPORTED_MODULE_1__.GitError(args, status, []);
    const entries = status.stdout.split("\0");
    const changed = [];
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (entry.length < 4)
            continue;
        const [staged, unstaged, path] = [entry[0], entry[1], entry.slice(3)];
        // A rename or copy is followed by its source path.
        if (staged === "R" || staged === "C")
            index++;
        if (staged === " " && unstaged === "M" && reports.has(path))
            continue;
        changed.push(path);
    }
    return changed;
}
function listed(paths) {
    const shown = paths.slice(0, 3).join(", ");
    return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}
/**
 * fastForwardCheckout, which never fails the step: the reports are pushed already. Only the
 * job's cancellation passes; any other failure (a lock, the time limit) leaves the checkout.
 */
async function tryFastForwardCheckout(git, pushed, jobSignal) {
    try {
        return await fastForwardCheckout(git, pushed);
    }
    catch (error) {
        if (jobSignal?.aborted)
            throw error;
        const message = error instanceof Error ? error.message : String(error);
        return { moved: false, reason: message, branch: undefined, head: undefined };
    }
}
/**
 * After a commit GitHub made through its API: the commit fetched from `remote`, then the
 * same move. A workspace that is not a checkout (the API modes need none) is left alone.
 */
async function fetchAndFastForwardCheckout(git, remote, pushed, jobSignal) {
    const left = (reason) => ({
        moved: false,
        reason,
        branch: undefined,
        head: undefined,
    });
    try {
        const top = await git.exec(["rev-parse", "--show-toplevel"]);
        if (top.code !== 0)
            return left("it is not a git checkout");
        const [topDir, dir] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(top.stdout.trim()), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(git.cwd)]);
        if (topDir !== dir)
            return left(`it is inside the git checkout ${topDir}, not its top`);
        if ((await git.fetchBranch(remote, pushed.branch)) === undefined) {
            return left(`${remote} has no branch ${pushed.branch}`);
        }
        const known = await git.exec(["cat-file", "-e", `${pushed.commit}^{commit}`]);
        if (known.code !== 0)
            return left(`${remote} does not hold ${pushed.commit.slice(0, 12)}`);
    }
    catch (error) {
        if (jobSignal?.aborted)
            throw error;
        return left(error instanceof Error ? error.message : String(error));
    }
    return tryFastForwardCheckout(git, pushed, jobSignal);
}
/** One log line for the outcome; `where` names the checkout when it is not the workspace. */
function checkoutSyncText(sync, reports, where = "The checkout") {
    if (sync.moved) {
        return `${where} moved to ${sync.head.slice(0, 12)} on ${sync.branch}, the commit just pushed`;
    }
    if (sync.head === undefined)
        return `${where} was not moved to the pushed commit: ${sync.reason}`;
    const at = `${sync.head.slice(0, 12)}${sync.branch ? ` on ${sync.branch}` : " (detached HEAD)"}`;
    const files = reports === 1
        ? "the report is an uncommitted file there"
        : "the reports are uncommitted files there";
    return `${where} was left at ${at}, not moved to the pushed commit: ${sync.reason}; ${files}`;
}


/***/ }),

/***/ 47683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commitReports: () => (/* binding */ commitReports)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/same-bytes.ts
var same_bytes = __webpack_require__(76627);
// EXTERNAL MODULE: ./src/publish/branch-moved.ts
var branch_moved = __webpack_require__(89425);
// EXTERNAL MODULE: ./src/publish/checkout-sync.ts
var checkout_sync = __webpack_require__(59335);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(98571);
// EXTERNAL MODULE: ./src/publish/git-process.ts + 1 modules
var git_process = __webpack_require__(59330);
;// CONCATENATED MODULE: ./src/publish/commit-time-limit.ts



/** A commit phase with no time left is not started: it is the run's timeout (exit 5). */
function refuseWithoutTimeLeft(timeoutMs) {
    if (timeoutMs !== undefined && timeoutMs <= 0) {
        throw new git_process/* GitStoppedError */.qR("The commit was not started (timeout): the report used all of the run's time limit. Raise timeout.", { command: "push", timedOut: true });
    }
}
/**
 * Runs a commit phase on `git`, whose signal ends at the run's time limit. A wait between
 * pushes ended by that limit rejects with the signal's DOMException; it is told as the
 * timeout it is. The job's own cancellation passes as it is.
 */
async function withinTimeLimit(git, jobSignal, phase) {
    try {
        return await phase();
    }
    catch (error) {
        if (git.signal.aborted && !jobSignal?.aborted && !(error instanceof errors/* LuccaReportError */.v1)) {
            throw new git_process/* GitStoppedError */.qR(`The commit was stopped (timeout): the run's time limit of ${(0,duration/* formatDuration */.a)(git.limitMs)} was reached while waiting to push again. Raise timeout.`, { command: "push", timedOut: true, cause: error });
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/publish/csv-diff.ts + 1 modules
var csv_diff = __webpack_require__(57683);
// EXTERNAL MODULE: ./src/publish/git.ts
var publish_git = __webpack_require__(80299);
;// CONCATENATED MODULE: ./src/publish/commit.ts










/**
 * One commit for every report of the step that differs from the branch, made on top of the
 * remote branch and pushed, never by force. When the push is refused because another run
 * moved the branch, the commit is made again on the new tip (a rebase of a change that only
 * touches the reports), unless that run changed one of the same files differently.
 */
async function commitReports(request) {
    refuseWithoutTimeLeft(request.timeoutMs);
    const git = new publish_git.Git(request.workspace, {
        env: request.env,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        secrets: request.secrets,
    });
    return withinTimeLimit(git, request.signal, () => commitAll(git, request));
}
async function commitAll(git, request) {
    const remote = request.remote ?? "origin";
    const files = await filesOf(request);
    const branch = request.branch ?? (await git.currentBranch());
    if (branch === undefined) {
        throw new errors/* LuccaReportError */.v1(`Cannot commit the ${files.length === 1 ? "report" : "reports"} as HEAD is detached: set commit-branch to the branch to push to`);
    }
    const what = files.length === 1 ? "the report" : "the reports";
    const indexFile = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `lucca-report-index-${crypto.randomUUID()}`);
    let previous;
    try {
        // No signal check here: fetchBranch's first git call throws the signal's reason.
        for (let attempt = 1;; attempt++) {
            const tip = await git.fetchBranch(remote, branch);
            const base = tip ?? (await git.run(["rev-parse", "HEAD"]));
            const contents = new Map();
            const changed = [];
            for (const file of files) {
                const theirs = await git.readFileAt(base, file.path);
                contents.set(file.path, theirs);
                if (theirs === undefined || !(await (0,csv_diff.sameContent)(theirs, file.ours, request.ignoreLines))) {
                    changed.push(file);
                }
            }
            const none = { branch, changedPaths: [], changed: false, commitSha: undefined };
            if (changed.length === 0)
                return { ...none, pushed: false, attempts: attempt };
            // On an unmoved base every file is the same bytes, so only a moved base finds one.
            const moved = previous && files.find((f) => !(0,same_bytes/* sameBytes */.e)(previous?.get(f.path), contents.get(f.path)));
            if (moved) {
                throw new errors/* LuccaReportError */.v1(`Cannot push ${what} to ${branch}: while this run was pushing, another one changed ${moved.path} differently ` +
                    `(now at ${base.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`);
            }
            const changedPaths = changed.map((file) => file.path);
            const commit = await git.commitFiles({
                parent: base,
                files: changed,
                message: typeof request.message === "string" ? request.message : request.message(changedPaths),
                author: request.author,
                committer: request.committer,
                indexFile,
            });
            await request.beforePush?.(attempt);
            if ((await git.push(remote, commit, branch)) === "pushed") {
                const checkout = request.updateCheckout
                    ? await (0,checkout_sync.tryFastForwardCheckout)(git, {
                        branch,
                        commit,
                        committedPaths: changedPaths,
                        reportPaths: files.map((file) => file.path),
                    }, request.signal)
                    : undefined;
                return {
                    checkout,
                    branch,
                    changedPaths,
                    changed: true,
                    commitSha: commit,
                    pushed: true,
                    attempts: attempt,
                };
            }
            previous = contents;
            await (0,branch_moved/* afterBranchMoved */.M)({
                what: `push ${what}`,
                branch,
                attempt,
                attempts: request.pushAttempts,
                signal: git.signal,
                random: request.random,
            });
        }
    }
    finally {
        await (0,promises_.rm)(indexFile, { force: true });
    }
}
/** Each report's path in the repository and its bytes, read once. */
async function filesOf(request) {
    // The files' paths are real (output-target.ts resolved them); so must the workspace's be.
    const workspace = await (0,promises_.realpath)(request.workspace);
    return Promise.all(request.filePaths.map(async (file) => {
        const path = (0,external_node_path_.relative)(workspace, await (0,promises_.realpath)(file))
            .split(external_node_path_.sep)
            .join("/");
        if (path === ".." ||
            path.startsWith("../") ||
            path === "" ||
            /(^|\/)\.git(\/|$)/i.test(path)) {
            throw new errors/* LuccaReportError */.v1(`Cannot commit ${file}: it is outside the workspace ${request.workspace}`);
        }
        return { file, path, ours: await (0,promises_.readFile)(file) };
    }));
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


/***/ })

};
