export const id = 683;
export const ids = [683];
export const modules = {

/***/ 969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ sameContent),
/* harmony export */   e: () => (/* binding */ sameBytes)
/* harmony export */ });
/* harmony import */ var _csv_records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47656);

const utf8 = new TextDecoder();
/**
 * Equal bytes, or equal once the records matching `ignore` (an export timestamp, say) are left
 * out. Records are split as everywhere else (csv-records.ts), a UTF-8 BOM is not content, and
 * line ends are normalised, so `commit-ignore-lines` means the same for a commit, a signed
 * commit and the artifact mode's change detection.
 */
function sameContent(a, b, ignore) {
    if (sameBytes(a, b))
        return true;
    if (!ignore)
        return false;
    return keptRecords(a, ignore) === keptRecords(b, ignore);
}
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
function keptRecords(bytes, ignore) {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const records = [];
    (0,_csv_records_js__WEBPACK_IMPORTED_MODULE_0__/* .forEachRecordIn */ .HE)(bytes.subarray(start), (record) => {
        const text = utf8.decode((0,_csv_records_js__WEBPACK_IMPORTED_MODULE_0__/* .recordBody */ .EV)(record));
        if (!ignore.test(text))
            records.push(text);
        return undefined;
    });
    return records.join("\n");
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

/***/ 47683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


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
// EXTERNAL MODULE: ./src/core/same-content.ts
var same_content = __webpack_require__(969);
// EXTERNAL MODULE: ./src/publish/branch-moved.ts
var branch_moved = __webpack_require__(89425);
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
    const git = new publish_git/* Git */.TU(request.workspace, {
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
                if (theirs === undefined || !(0,same_content/* sameContent */.C)(theirs, file.ours, request.ignoreLines)) {
                    changed.push(file);
                }
            }
            const none = { branch, changedPaths: [], changed: false, commitSha: undefined };
            if (changed.length === 0)
                return { ...none, pushed: false, attempts: attempt };
            // On an unmoved base every file is the same bytes, so only a moved base finds one.
            const moved = previous && files.find((f) => !(0,same_content/* sameBytes */.e)(previous?.get(f.path), contents.get(f.path)));
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
                return {
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


/***/ })

};
