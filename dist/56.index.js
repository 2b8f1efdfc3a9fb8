export const id = 56;
export const ids = [56,662];
export const modules = {

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

/***/ 93056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitReports: () => (/* binding */ commitReports)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _branch_moved_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89425);
/* harmony import */ var _commit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26662);
/* harmony import */ var _commit_time_limit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(79740);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(80299);








/**
 * One commit for every report of the step that differs from the branch, pushed without
 * force and made again on the new tip when the branch moved, as commitReport does for one.
 */
async function commitReports(request) {
    (0,_commit_time_limit_js__WEBPACK_IMPORTED_MODULE_6__/* .refuseWithoutTimeLeft */ .Z)(request.timeoutMs);
    const git = new _git_js__WEBPACK_IMPORTED_MODULE_7__/* .Git */ .TU(request.workspace, {
        env: request.env,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        secrets: request.secrets,
    });
    return (0,_commit_time_limit_js__WEBPACK_IMPORTED_MODULE_6__/* .withinTimeLimit */ .A)(git, request.signal, () => commitAll(git, request));
}
async function commitAll(git, request) {
    const remote = request.remote ?? "origin";
    const workspace = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(request.workspace);
    const files = await Promise.all(request.filePaths.map(async (file) => {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(workspace, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(file))
            .split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep)
            .join("/");
        if (path === ".." ||
            path.startsWith("../") ||
            path === "" ||
            /(^|\/)\.git(\/|$)/i.test(path)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LuccaReportError */ .v1(`Cannot commit ${file}: it is outside the workspace ${request.workspace}`);
        }
        return { file, path, ours: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file) };
    }));
    const branch = request.branch ?? (await git.currentBranch());
    if (branch === undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LuccaReportError */ .v1("Cannot commit the reports as HEAD is detached: set commit-branch to the branch to push to");
    }
    const indexFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), `lucca-report-index-${crypto.randomUUID()}`);
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
                if (theirs === undefined || !(0,_commit_js__WEBPACK_IMPORTED_MODULE_5__.sameContent)(theirs, file.ours, request.ignoreLines)) {
                    changed.push(file);
                }
            }
            const none = { branch, changedPaths: [], commitSha: undefined, pushed: false };
            if (changed.length === 0)
                return { ...none, attempts: attempt };
            // On an unmoved base every file is the same bytes, so only a moved base finds one.
            if (previous) {
                const moved = files.find((file) => !sameBytes(previous?.contents.get(file.path), contents.get(file.path)));
                if (moved) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LuccaReportError */ .v1(`Cannot push the reports to ${branch}: while this run was pushing, another one changed ${moved.path} differently ` +
                        `(now at ${base.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`);
                }
            }
            const changedPaths = changed.map((file) => file.path);
            const commit = await git.commitFiles({
                parent: base,
                files: changed,
                message: request.message(changedPaths),
                author: request.author,
                committer: request.committer,
                indexFile,
            });
            await request.beforePush?.(attempt);
            if ((await git.push(remote, commit, branch)) === "pushed") {
                return { branch, changedPaths, commitSha: commit, pushed: true, attempts: attempt };
            }
            previous = { contents };
            await (0,_branch_moved_js__WEBPACK_IMPORTED_MODULE_4__/* .afterBranchMoved */ .M)({
                what: "push the reports",
                branch,
                attempt,
                attempts: request.pushAttempts,
                signal: git.signal,
                random: request.random,
            });
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(indexFile, { force: true });
    }
}
function sameBytes(a, b) {
    return a === undefined || b === undefined ? a === b : a.equals(b);
}


/***/ }),

/***/ 79740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ withinTimeLimit),
/* harmony export */   Z: () => (/* binding */ refuseWithoutTimeLeft)
/* harmony export */ });
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _git_process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59330);



/** A commit phase with no time left is not started: it is the run's timeout (exit 5). */
function refuseWithoutTimeLeft(timeoutMs) {
    if (timeoutMs !== undefined && timeoutMs <= 0) {
        throw new _git_process_js__WEBPACK_IMPORTED_MODULE_2__/* .GitStoppedError */ .qR("The commit was not started (timeout): the report used all of the run's time limit. Raise timeout.", { command: "push", timedOut: true });
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
        if (git.signal.aborted && !jobSignal?.aborted && !(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LuccaReportError */ .v1)) {
            throw new _git_process_js__WEBPACK_IMPORTED_MODULE_2__/* .GitStoppedError */ .qR(`The commit was stopped (timeout): the run's time limit of ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(git.limitMs)} was reached while waiting to push again. Raise timeout.`, { command: "push", timedOut: true, cause: error });
        }
        throw error;
    }
}


/***/ }),

/***/ 26662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitReport: () => (/* binding */ commitReport),
/* harmony export */   sameContent: () => (/* binding */ sameContent)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_csv_records_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47656);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _branch_moved_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89425);
/* harmony import */ var _commit_time_limit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79740);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80299);








/**
 * Commits the report on top of the remote branch and pushes it, never by force. When the
 * push is refused because another run moved the branch, the commit is made again on the new
 * tip (a rebase of a one-file change), unless that run changed the same file differently.
 */
async function commitReport(request) {
    (0,_commit_time_limit_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseWithoutTimeLeft */ .Z)(request.timeoutMs);
    const git = new _git_js__WEBPACK_IMPORTED_MODULE_6__/* .Git */ .TU(request.workspace, {
        env: request.env,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        secrets: request.secrets,
    });
    return (0,_commit_time_limit_js__WEBPACK_IMPORTED_MODULE_5__/* .withinTimeLimit */ .A)(git, request.signal, () => commitWith(git, request));
}
async function commitWith(git, request) {
    const remote = request.remote ?? "origin";
    const signal = git.signal;
    // The file's path is real (output-target.ts resolved it); so must the workspace's be.
    const workspace = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(request.workspace);
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(workspace, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(request.filePath))
        .split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep)
        .join("/");
    if (path.startsWith("../") || path === "" || path === ".." || /(^|\/)\.git(\/|$)/i.test(path)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LuccaReportError */ .v1(`Cannot commit ${request.filePath}: it is outside the workspace ${request.workspace}`);
    }
    const branch = request.branch ?? (await git.currentBranch());
    if (branch === undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LuccaReportError */ .v1("Cannot commit the report as HEAD is detached: set commit-branch to the branch to push to");
    }
    const ours = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(request.filePath);
    const indexFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), `lucca-report-index-${crypto.randomUUID()}`);
    let previous;
    try {
        // No signal check here: fetchBranch's first git call throws the signal's reason.
        for (let attempt = 1;; attempt++) {
            const tip = await git.fetchBranch(remote, branch);
            const base = tip ?? (await git.run(["rev-parse", "HEAD"]));
            const theirs = await git.readFileAt(base, path);
            if (theirs !== undefined && sameContent(theirs, ours, request.ignoreLines)) {
                return { branch, changed: false, commitSha: undefined, pushed: false, attempts: attempt };
            }
            // On an unmoved base the file is the same bytes, so only a moved base can fail this.
            if (previous && !sameBytes(previous.content, theirs)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LuccaReportError */ .v1(`Cannot push the report to ${branch}: while this run was pushing, another one changed ${path} differently ` +
                    `(now at ${base.slice(0, 12)}). Nothing was overwritten; check which report is right and re-run.`);
            }
            const commit = await git.commitFile({
                parent: base,
                path,
                file: request.filePath,
                message: request.message,
                author: request.author,
                committer: request.committer,
                indexFile,
            });
            await request.beforePush?.(attempt);
            if ((await git.push(remote, commit, branch)) === "pushed") {
                return { branch, changed: true, commitSha: commit, pushed: true, attempts: attempt };
            }
            previous = { content: theirs };
            await (0,_branch_moved_js__WEBPACK_IMPORTED_MODULE_4__/* .afterBranchMoved */ .M)({
                what: "push the report",
                branch,
                attempt,
                attempts: request.pushAttempts,
                signal,
                random: request.random,
            });
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(indexFile, { force: true });
    }
}
function sameBytes(a, b) {
    return a === undefined || b === undefined ? a === b : a.equals(b);
}
/**
 * Equal bytes, or equal once the records matching `ignore` (an export timestamp, say) are left
 * out. Records are split and compared as the artifact mode's change detection does it
 * (csv-records.ts's rule, via the same normalisation): `commit-ignore-lines` means the same in
 * both modes.
 */
function sameContent(a, b, ignore) {
    if (a.equals(b))
        return true;
    if (!ignore)
        return false;
    const kept = (bytes) => {
        const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        const records = [];
        (0,_core_csv_records_js__WEBPACK_IMPORTED_MODULE_7__/* .forEachRecordIn */ .HE)(bytes.subarray(start), (record) => {
            const text = Buffer.from((0,_core_csv_records_js__WEBPACK_IMPORTED_MODULE_7__/* .recordBody */ .EV)(record)).toString("utf8");
            if (!ignore.test(text))
                records.push(text);
            return undefined;
        });
        return records.join("\n");
    };
    return kept(a) === kept(b);
}


/***/ })

};
