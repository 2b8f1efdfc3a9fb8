export const id = 179;
export const ids = [179];
export const modules = {

/***/ 60179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishPullRequestStep: () => (/* binding */ publishPullRequestStep),
  publishSignedCommitStep: () => (/* binding */ publishSignedCommitStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/core/branch-name.ts
var branch_name = __webpack_require__(92843);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/safe-text.ts
var safe_text = __webpack_require__(83712);
// EXTERNAL MODULE: ./src/publish/commit-message.ts
var commit_message = __webpack_require__(32748);
// EXTERNAL MODULE: ./src/action/github-context.ts
var github_context = __webpack_require__(98141);
// EXTERNAL MODULE: ./src/action/github-inputs.ts
var github_inputs = __webpack_require__(85337);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/period-text.ts
var period_text = __webpack_require__(56868);
;// CONCATENATED MODULE: ./src/action/pull-request-body.ts


/** The default body: one table row per report and what changed. */
function renderPullRequestBody(reports, runUrl) {
    const changed = reports.filter((r) => r.change !== undefined && r.change !== "unchanged");
    const done = reports.filter((r) => r.status === "done").length;
    const lines = [
        reports.length === 1 ? "## Lucca report" : "## Lucca reports",
        "",
        `${changed.length} of ${reports.length} report(s) differ from the base branch` +
            (done < reports.length ? `; ${reports.length - done} could not be fetched.` : "."),
        "",
        "| Template | Period | Report id | File | Rows | Change |",
        "| --- | --- | --- | --- | --- | --- |",
    ];
    for (const report of reports) {
        const cells = [
            (0,markdown/* escapeCell */.kq)(report.templateId ?? ""),
            (0,period_text/* periodText */.J)(report.startsOn, report.endsOn),
            report.reportId ? (0,markdown/* escapeCell */.kq)(report.reportId) : "",
            report.path ? (0,markdown/* codeSpan */.SS)(report.path, true) : "",
            report.rows === undefined || report.rows === null ? "" : String(report.rows),
            changeCell(report),
        ];
        lines.push(`| ${cells.join(" | ")} |`);
    }
    const run = runUrl && (0,markdown/* linkTarget */.Cm)(runUrl);
    if (run)
        lines.push("", `Opened by [this workflow run](${run}).`);
    return `${lines.join("\n")}\n`;
}
function changeCell(report) {
    if (report.status !== "done")
        return `${report.status}: not in this pull request`;
    const { change } = report;
    if (change === undefined || change === "unchanged")
        return "unchanged";
    if (!change.existed)
        return "new file";
    if (change.diff?.comparedRecords)
        return `+${change.diff.added} −${change.diff.removed} rows`;
    return "changed";
}

// EXTERNAL MODULE: ./src/action/pull-request-branch.ts
var pull_request_branch = __webpack_require__(14192);
// EXTERNAL MODULE: ./src/action/step-text.ts
var step_text = __webpack_require__(9844);
;// CONCATENATED MODULE: ./src/action/github-steps.ts










/**
 * publish: commit with sign-commits: true: one commit for the step, made by GitHub through
 * its API (signed), holding every report that differs from the branch.
 */
async function publishSignedCommitStep(rows, inputs, env, limits) {
    const signal = (0,github_context/* withDeadline */.NE)(limits);
    const results = (0,github_context/* doneResults */.nv)(rows);
    const what = results.length === 1 ? "report" : "reports";
    return core/* group */.Os(`Commit the ${what} through GitHub's API (signed)`, async () => {
        const [{ commitViaApi }, client] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(293), __webpack_require__.e(402), __webpack_require__.e(313)]).then(__webpack_require__.bind(__webpack_require__, 24313)),
            (0,github_context/* gitHubClient */.XB)(inputs, env, signal),
        ]);
        const files = await (0,github_context/* repoFiles */.KU)(results, inputs.repository.dir);
        const specs = rows.map((row) => row.outcome.spec);
        const branch = inputs.commit.branch ?? (0,github_context/* checkedOutBranch */.iD)(env);
        const committed = await commitViaApi({
            client,
            branch,
            startPoint: async () => env.GITHUB_SHA || (await client.branchTip(await client.defaultBranch())) || "",
            files: files.map((file) => file.repo),
            message: (changed) => (0,step_text/* stepCommitMessage */.hS)(inputs.commit.message, specs, changed.map((file) => file.path), results[0]),
            attempts: inputs.commit.pushAttempts,
            ignoreLines: inputs.commit.ignoreLines,
            signal,
        });
        const url = committed.commitSha ? (0,github_context/* commitUrl */.Bg)(env, committed.commitSha) : undefined;
        core/* info */.pq((0,safe_text/* logSafe */.sN)(committed.changed
            ? `Committed ${committed.commitSha} with ${committed.changedPaths.length} report(s) on ${branch}${committed.verified ? " (signed by GitHub)" : ""}${committed.attempts > 1 ? ` after ${committed.attempts} attempts` : ""}`
            : `${branch} already holds ${results.length === 1 ? "this report" : "every report"}: nothing to commit`));
        if (committed.changed && committed.commitSha) {
            const checkout = await updateCheckout(inputs, env, signal, limits.signal, {
                branch,
                commit: committed.commitSha,
                committedPaths: committed.changedPaths,
                reportPaths: files.map((file) => file.repo.path),
            });
            core/* info */.pq((0,safe_text/* logSafe */.sN)(checkout));
        }
        return {
            changedFiles: (0,github_context/* localPaths */.OU)(files, committed.changedPaths),
            commit: {
                branch,
                changed: committed.changed,
                sha: committed.commitSha,
                url,
                pushed: committed.changed,
            },
        };
    });
}
/**
 * The checkout after a commit GitHub made: fetched and moved like after a push
 * (checkout-sync.ts), or left as it is with the reason; never a failure of the step.
 */
async function updateCheckout(inputs, env, signal, jobSignal, pushed) {
    const [{ Git }, sync] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 80299)),
        __webpack_require__.e(/* import() */ 335).then(__webpack_require__.bind(__webpack_require__, 59335)),
    ]);
    const git = new Git(inputs.repository.dir, { env, signal, secrets: [inputs.settings.apiKey] });
    const outcome = await sync.fetchAndFastForwardCheckout(git, "origin", pushed, jobSignal);
    return sync.checkoutSyncText(outcome, pushed.reportPaths.length, (0,github_context/* checkoutName */.IM)(inputs));
}
/**
 * publish: pull-request: one branch and one pull request for the step, holding every report
 * that differs from the base; the body lists every report, failed ones too.
 */
async function publishPullRequestStep(rows, inputs, env, limits, target) {
    const signal = (0,github_context/* withDeadline */.NE)(limits);
    return core/* group */.Os("Open or update the pull request", async () => {
        const [{ publishPullRequest }, { diffCsvFiles }, client] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(293), __webpack_require__.e(402), __webpack_require__.e(686)]).then(__webpack_require__.bind(__webpack_require__, 11686)),
            __webpack_require__.e(/* import() */ 64).then(__webpack_require__.bind(__webpack_require__, 57683)),
            (0,github_context/* gitHubClient */.XB)(inputs, env, signal),
        ]);
        const pr = inputs.github.pullRequest;
        const specs = rows.map((row) => row.outcome.spec);
        const results = (0,github_context/* doneResults */.nv)(rows);
        const only = results.length === 1 ? results[0] : undefined;
        const files = await (0,github_context/* repoFiles */.KU)(results, inputs.repository.dir);
        // The branch is named before anything is known of the base: {count} is every report fetched.
        const branch = (0,pull_request_branch/* pullRequestBranch */.Vl)(pr.branch, (0,step_text/* stepValues */.pi)(specs, files.length, only));
        // Checked before any request already, unless a value came from Lucca's answer.
        const problem = (0,branch_name/* branchNameProblem */.h)(branch);
        if (problem) {
            throw new errors/* LuccaReportError */.v1(`pr-branch: "${branch}" is not a valid branch name: it ${problem}`);
        }
        const text = (template) => (changed) => (0,commit_message/* renderCommitMessage */.jq)(template, (0,step_text/* stepValues */.pi)(specs, changed.length, only));
        const published = await publishPullRequest({
            client,
            branch,
            base: target.base,
            refuse: target.refuse,
            isReportPath: (0,pull_request_branch/* reportPathTest */.IH)(inputs.settings.outputPath, env.GITHUB_WORKSPACE, inputs.repository.path),
            files: files.map((file) => file.repo),
            message: (changed) => (0,step_text/* stepCommitMessage */.hS)(inputs.commit.message, specs, changed.map((file) => file.path), only),
            identity: inputs.github.signCommits
                ? undefined
                : { author: inputs.commit.author, committer: inputs.commit.committer },
            title: (changed) => text(pr.title === github_inputs/* DEFAULT_PR_TITLE */.SK && specs.length > 1
                ? (0,step_text/* inNumber */.DM)(step_text/* MANY_PR_TITLE */.sb, changed.length)
                : pr.title)(changed)
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
                            reportId: outcome.status === "failed" ? outcome.reportId : spec.reportId,
                        };
                        if (outcome.status === "done") {
                            const result = outcome.result;
                            const file = files.find((f) => f.local === result.path);
                            const change = file && byPath.get(file.repo.path);
                            Object.assign(row, {
                                templateId: result.templateId ?? spec.templateId,
                                startsOn: result.startsOn,
                                endsOn: result.endsOn,
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
                    return renderPullRequestBody(facts, (0,github_context/* runUrl */.Vp)(env));
                },
            labels: pr.labels,
            reviewers: pr.reviewers,
            teamReviewers: pr.teamReviewers,
            draft: pr.draft,
            ignoreLines: inputs.commit.ignoreLines,
            signal,
        });
        core/* info */.pq((0,safe_text/* logSafe */.sN)(!published.changed
            ? `${published.base} already holds ${results.length === 1 ? "this report" : "every report"}: no branch, no pull request`
            : `Pull request #${published.number} ${published.operation} with ${published.changedPaths.length} report(s) (${branch} into ${published.base}): ${published.url}`));
        const url = published.commitSha ? (0,github_context/* commitUrl */.Bg)(env, published.commitSha) : undefined;
        return {
            changedFiles: (0,github_context/* localPaths */.OU)(files, published.changedPaths),
            // The pull request's commit, even when this run did not write it.
            commit: {
                branch,
                changed: published.changed,
                sha: published.commitSha,
                url,
                pushed: published.pushed,
            },
            pullRequest: {
                operation: published.operation,
                changed: published.changed,
                number: published.number,
                url: published.url,
                branch,
                base: published.base,
            },
        };
    });
}
/** The report against its version on the base: new, or rows added and removed (CSV). */
async function compareWithBase(result, change, inputs, diffCsvFiles) {
    if (change.before === undefined)
        return { existed: false, diff: undefined };
    if (result.format !== "csv")
        return { existed: true, diff: undefined };
    // The base's version is already in memory: the diff reads it from there, not from a file.
    const diff = await diffCsvFiles(change.before, result.path, {
        ignoreLines: inputs.commit.ignoreLines,
    });
    return { existed: true, diff };
}


/***/ })

};
