export const id = 668;
export const ids = [668];
export const modules = {

/***/ 29668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishManyPullRequest: () => (/* binding */ publishManyPullRequest),
/* harmony export */   publishManySignedCommit: () => (/* binding */ publishManySignedCommit)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17864);
/* harmony import */ var _core_branch_name_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(63886);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92091);
/* harmony import */ var _core_safe_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14685);
/* harmony import */ var _publish_commit_message_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(93869);
/* harmony import */ var _github_inputs_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(27228);
/* harmony import */ var _github_steps_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65626);
/* harmony import */ var _pull_request_body_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(28417);
/* harmony import */ var _pull_request_branch_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54461);
/* harmony import */ var _several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(24857);













/**
 * Several reports with publish: commit and sign-commits: true: one commit for the step, made
 * by GitHub through its API (signed), holding every file that differs from the branch.
 */
async function publishManySignedCommit(results, specs, inputs, env, limits) {
    const signal = (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .withDeadline */ .NE)(limits);
    return _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os("Commit the reports through GitHub's API (signed)", async () => {
        const [{ commitViaApi }, client] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(829), __webpack_require__.e(841), __webpack_require__.e(778)]).then(__webpack_require__.bind(__webpack_require__, 24778)),
            (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .gitHubClient */ .XB)(inputs, env, signal),
        ]);
        const files = await repoFiles(results, env);
        const branch = inputs.commit.branch ?? (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .checkedOutBranch */ .iD)(env);
        const committed = await commitViaApi({
            client,
            branch,
            startPoint: async () => env.GITHUB_SHA || (await client.branchTip(await client.defaultBranch())) || "",
            files: files.map((file) => file.repo),
            message: (changed) => (0,_several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__/* .manyCommitMessage */ .m9)(inputs.commit.message, specs, changed.map((file) => file.path)),
            attempts: inputs.commit.pushAttempts,
            ignoreLines: inputs.commit.ignoreLines,
            signal,
        });
        const url = committed.commitSha ? (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .commitUrl */ .Bg)(env, committed.commitSha) : undefined;
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH("commit-url", url ?? "");
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH("pushed", String(committed.changed));
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq((0,_core_safe_text_js__WEBPACK_IMPORTED_MODULE_5__/* .logSafe */ .sN)(committed.changed
            ? `Committed ${committed.commitSha} with ${committed.changedPaths.length} report(s) on ${branch}${committed.verified ? " (signed by GitHub)" : ""}`
            : `${branch} already holds every report: nothing to commit`));
        return {
            changedFiles: localPaths(files, committed.changedPaths),
            commitSha: committed.commitSha,
        };
    });
}
/**
 * Several reports with publish: pull-request: one branch and one pull request for the step,
 * holding every file that differs from the base; the body lists every report, failed ones too.
 */
async function publishManyPullRequest(rows, inputs, env, limits, target) {
    const signal = (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .withDeadline */ .NE)(limits);
    return _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os("Open or update the pull request", async () => {
        const [{ publishPullRequest }, { diffCsvFiles }, client] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(829), __webpack_require__.e(841), __webpack_require__.e(229)]).then(__webpack_require__.bind(__webpack_require__, 43229)),
            __webpack_require__.e(/* import() */ 221).then(__webpack_require__.bind(__webpack_require__, 64221)),
            (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .gitHubClient */ .XB)(inputs, env, signal),
        ]);
        const pr = inputs.github.pullRequest;
        const specs = rows.map((row) => row.outcome.spec);
        const results = rows.flatMap((row) => row.outcome.status === "done" ? [row.outcome.result] : []);
        const files = await repoFiles(results, env);
        // The branch is named before anything is known of the base: {count} is every report fetched.
        const branch = (0,_pull_request_branch_js__WEBPACK_IMPORTED_MODULE_8__/* .pullRequestBranch */ .Vl)(pr.branch, (0,_several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__/* .stepValues */ .pi)(specs, files.length));
        const problem = (0,_core_branch_name_js__WEBPACK_IMPORTED_MODULE_10__/* .branchNameProblem */ .h)(branch);
        if (problem) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LuccaReportError */ .v1(`pr-branch: "${branch}" is not a valid branch name: it ${problem}`);
        }
        const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
            ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
            : undefined;
        const text = (template) => (changed) => (0,_publish_commit_message_js__WEBPACK_IMPORTED_MODULE_11__.renderCommitMessage)(template, (0,_several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__/* .stepValues */ .pi)(specs, changed.length));
        const published = await publishPullRequest({
            client,
            branch,
            base: target.base,
            refuse: target.refuse,
            isReportPath: (0,_pull_request_branch_js__WEBPACK_IMPORTED_MODULE_8__/* .reportPathTest */ .IH)(inputs.settings.outputPath, env.GITHUB_WORKSPACE),
            files: files.map((file) => file.repo),
            message: (changed) => (0,_several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__/* .manyCommitMessage */ .m9)(inputs.commit.message, specs, changed.map((file) => file.path)),
            identity: inputs.github.signCommits
                ? undefined
                : { author: inputs.commit.author, committer: inputs.commit.committer },
            title: (changed) => text(pr.title === _github_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .DEFAULT_PR_TITLE */ .SK ? (0,_several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__/* .inNumber */ .DM)(_several_reports_text_js__WEBPACK_IMPORTED_MODULE_9__/* .MANY_PR_TITLE */ .sb, changed.length) : pr.title)(changed)
                .replace(/\s+/g, " ")
                .trim(),
            body: pr.body !== undefined
                ? text(pr.body)
                : async (changed) => {
                    const byPath = new Map(changed.map((file) => [file.path, file]));
                    const facts = [];
                    for (const { outcome } of rows) {
                        const { spec } = outcome;
                        const row = {
                            templateId: spec.templateId,
                            startsOn: spec.period.startsOn,
                            endsOn: spec.period.endsOn,
                            status: outcome.status,
                            reportId: outcome.status === "failed" ? outcome.reportId : undefined,
                        };
                        if (outcome.status === "done") {
                            const result = outcome.result;
                            const file = files.find((f) => f.local === result.path);
                            const change = file && byPath.get(file.repo.path);
                            Object.assign(row, {
                                reportId: result.reportId,
                                path: file?.repo.path,
                                rows: result.rows,
                                change: change
                                    ? await compareWithBase(result, change, inputs, diffCsvFiles)
                                    : "unchanged",
                            });
                        }
                        facts.push(row);
                    }
                    return (0,_pull_request_body_js__WEBPACK_IMPORTED_MODULE_7__/* .renderManyPullRequestBody */ ._)(facts, runUrl);
                },
            labels: pr.labels,
            reviewers: pr.reviewers,
            teamReviewers: pr.teamReviewers,
            draft: pr.draft,
            ignoreLines: inputs.commit.ignoreLines,
            signal,
        });
        (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .setPullRequestOutputs */ .bv)(published, env);
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq((0,_core_safe_text_js__WEBPACK_IMPORTED_MODULE_5__/* .logSafe */ .sN)(!published.changed
            ? `${published.base} already holds every report: no branch, no pull request`
            : `Pull request #${published.number} ${published.operation} with ${published.changedPaths.length} report(s) (${branch} into ${published.base}): ${published.url}`));
        return {
            changedFiles: localPaths(files, published.changedPaths),
            // As with one report: the pull request's commit, even when this run did not write it.
            commitSha: published.commitSha,
            pullRequest: {
                operation: published.operation,
                number: published.number,
                url: published.url,
                branch,
                base: published.base,
            },
        };
    });
}
async function repoFiles(results, env) {
    return Promise.all(results.map(async (result) => ({ local: result.path, repo: await (0,_github_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .repoFile */ .VZ)(result, env) })));
}
function localPaths(files, repoPaths) {
    const byRepoPath = new Map(files.map((file) => [file.repo.path, file.local]));
    return repoPaths.map((path) => byRepoPath.get(path) ?? path);
}
/** The report against its version on the base: new, or rows added and removed (CSV). */
async function compareWithBase(result, change, inputs, diffCsvFiles) {
    if (change.before === undefined)
        return { existed: false, diff: undefined };
    if (result.format !== "csv")
        return { existed: true, diff: undefined };
    const previous = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), `lucca-report-base-${crypto.randomUUID()}.csv`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(previous, change.before);
        const diff = await diffCsvFiles(previous, result.path, {
            ignoreLines: inputs.commit.ignoreLines,
        });
        return { existed: true, diff };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(previous, { force: true });
    }
}


/***/ })

};
