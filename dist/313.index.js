export const id = 313;
export const ids = [313,662];
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


/***/ }),

/***/ 24313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitViaApi: () => (/* binding */ commitViaApi)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
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
        if (previous && previous.base !== base) {
            const changedMeanwhile = request.files.filter((_file, index) => !sameBytes(previous?.before[index], before[index]));
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
function sameBytes(a, b) {
    return a === undefined || b === undefined ? a === b : a.equals(b);
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
/* harmony import */ var _commit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26662);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24426);




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
    const changed = files
        .map((file, index) => ({ ...file, before: before[index] }))
        .filter((file) => file.before === undefined || !(0,_commit_js__WEBPACK_IMPORTED_MODULE_2__.sameContent)(file.before, file.content, ignoreLines));
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
