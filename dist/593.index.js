export const id = 593;
export const ids = [593];
export const modules = {

/***/ 17593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runManyStep: () => (/* binding */ runManyStep)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../main/node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(17864);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(92091);
// EXTERNAL MODULE: ./src/core/safe-text.ts
var safe_text = __webpack_require__(14685);
// EXTERNAL MODULE: ./src/node/progress-lines.ts
var progress_lines = __webpack_require__(47032);
// EXTERNAL MODULE: ./src/node/run-many-job.ts + 2 modules
var run_many_job = __webpack_require__(76343);
// EXTERNAL MODULE: ./src/action/change-step.ts
var change_step = __webpack_require__(87062);
// EXTERNAL MODULE: ./src/action/poll-history-step.ts
var poll_history_step = __webpack_require__(41466);
// EXTERNAL MODULE: ./src/action/publish-steps.ts
var publish_steps = __webpack_require__(30986);
// EXTERNAL MODULE: ./src/action/several-reports-text.ts
var several_reports_text = __webpack_require__(24857);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(19345);
// EXTERNAL MODULE: ./src/action/preview-table.ts
var preview_table = __webpack_require__(67774);
;// CONCATENATED MODULE: ./src/action/summary-many.ts



/** GitHub refuses a step summary over 1 MiB; the previews share what the table leaves. */
const PREVIEW_BUDGET_CHARS = 640 * 1024;
const MAX_CELL = 60;
const MAX_COLUMNS = 12;
/** One table with a row per report, then each report's preview, collapsed. */
function renderManySummary(rows, facts) {
    const failed = rows.filter((row) => row.outcome.status !== "done").length;
    const lines = [
        `## ${failed === 0 ? "✅" : "❌"} Lucca reports: ${rows.length - failed} of ${rows.length} done`,
        "",
    ];
    const pull = facts.pullRequest;
    if (pull?.number !== undefined) {
        const target = pull.url && (0,markdown/* linkTarget */.Cm)(pull.url);
        const link = target ? `[#${pull.number}](${target})` : `#${pull.number}`;
        lines.push(`Pull request ${link} ${pull.operation} (${(0,markdown/* codeSpan */.SS)(pull.branch)} into ${(0,markdown/* codeSpan */.SS)(pull.base)}).`, "");
    }
    else if (pull) {
        lines.push(`${(0,markdown/* codeSpan */.SS)(pull.base)} already holds every report: no pull request.`, "");
    }
    else if (facts.commitSha) {
        lines.push(`Committed as ${facts.commitSha.slice(0, 12)}.`, "");
    }
    lines.push("| Template | Period | Status | Report id | Rows | Size | Change | Link |", "| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const { outcome, change, artifact } of rows) {
        const period = (0,progress_lines/* periodText */.JX)(outcome.spec.period.startsOn, outcome.spec.period.endsOn);
        const result = outcome.status === "done" ? outcome.result : undefined;
        const reportId = result?.reportId ?? (outcome.status === "failed" ? outcome.reportId : undefined);
        const target = artifact?.url ? (0,markdown/* linkTarget */.Cm)(artifact.url) : undefined;
        const link = artifact && target ? `[${(0,markdown/* escapeCell */.kq)(artifact.name)}](${target})` : "";
        lines.push(`| ${(0,markdown/* escapeCell */.kq)(outcome.spec.templateId)} | ${period} | ${outcome.status} | ${reportId ? (0,markdown/* escapeCell */.kq)(reportId) : ""} | ${result?.rows ?? ""} | ${result ? `${result.bytes} B` : ""} | ${change ?? ""} | ${link} |`);
    }
    lines.push("");
    const failures = rows.filter((row) => row.outcome.status === "failed");
    if (failures.length > 0) {
        lines.push("### Failed", "");
        for (const { outcome } of failures) {
            if (outcome.status !== "failed")
                continue;
            const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
            const resume = outcome.reportId
                ? ` Resume with ${(0,markdown/* codeSpan */.SS)(`report-id: ${outcome.reportId}`)}.`
                : "";
            lines.push(`- template ${(0,markdown/* escapeCell */.kq)(outcome.spec.templateId)}, ${(0,progress_lines/* periodText */.JX)(outcome.spec.period.startsOn, outcome.spec.period.endsOn)}: ${(0,markdown/* escapeCell */.kq)(message)}${resume}`);
        }
        lines.push("");
    }
    const done = rows.filter((row) => row.outcome.status === "done");
    const budget = Math.floor(PREVIEW_BUDGET_CHARS / Math.max(1, done.length));
    for (const { outcome } of done) {
        if (outcome.status !== "done" || outcome.result.format !== "csv")
            continue;
        const { header, preview } = outcome.result.stats;
        if (!header || preview.length === 0)
            continue;
        lines.push(...previewBlock(outcome, header, preview, budget));
    }
    return lines.join("\n");
}
function previewBlock(outcome, header, preview, budget) {
    const { table, shown } = (0,preview_table/* previewTable */.d)(header, preview, {
        maxCell: MAX_CELL,
        maxColumns: MAX_COLUMNS,
        maxChars: budget,
    });
    const { spec, result } = outcome;
    return [
        "<details>",
        `<summary>${(0,markdown/* escapeCell */.kq)(spec.templateId)} ${(0,progress_lines/* periodText */.JX)(spec.period.startsOn, spec.period.endsOn)}: first ${shown} of ${result.rows ?? "?"} rows</summary>`,
        "",
        ...table,
        "",
        "</details>",
        "",
    ];
}

;// CONCATENATED MODULE: ./src/action/many.ts












/**
 * Several reports in one step: every report runs, the successes are published (one commit,
 * one artifact), then the step fails listing each failure with the report id to resume.
 */
async function runManyStep(step) {
    const { inputs, env } = step;
    const lines = new Map();
    const pollHistory = await (0,poll_history_step/* restorePollHistoryStep */.y)(inputs.settings, env, inputs);
    const outcomes = await (0,run_many_job/* runManyFromSettings */.G)(inputs.settings, {
        fetch: step.fetch,
        output: step.output,
        signal: step.signal,
        previewRows: inputs.summaryPreviewRows,
        pollHistoryPath: pollHistory?.path,
        onEvent: (spec, event) => {
            const prefix = `[${spec.templateId} ${(0,progress_lines/* periodText */.JX)(spec.period.startsOn, spec.period.endsOn)}]`;
            const format = lines.get(prefix) ?? (0,progress_lines/* progressLines */.Ld)({ verbose: core/* isDebug */._o() });
            lines.set(prefix, format);
            const line = format(event);
            if (line === undefined)
                return;
            if (event.type === "warning")
                core/* warning */.$e((0,safe_text/* logSafe */.sN)(`${prefix} ${event.message}`));
            else
                core/* info */.pq((0,safe_text/* logSafe */.sN)(`${prefix} ${line}`));
        },
    });
    await pollHistory?.save();
    const rows = outcomes.map((outcome) => ({ outcome }));
    const done = rows.filter((row) => row.outcome.status === "done");
    let commitSha;
    let pullRequest;
    let anyChanged = false;
    const writesGit = inputs.publish.includes("commit") || inputs.publish.includes("pull-request");
    if (writesGit && done.length > 0) {
        const published = await publishGit(step, rows, done);
        commitSha = published.commitSha;
        pullRequest = published.pullRequest;
        const changed = new Set(published.changedFiles);
        for (const row of done)
            row.change = changed.has(row.outcome.result.path) ? "changed" : "unchanged";
        anyChanged = changed.size > 0;
    }
    const artifactIds = [];
    if (inputs.publish.includes("artifact") && done.length > 0) {
        const upload = [];
        for (const row of done) {
            // cache: false keeps no report from run to run, so there is nothing to compare with.
            const change = inputs.cache ? await (0,change_step/* detectChange */.A)(row.outcome.result, inputs, env) : undefined;
            row.changeFacts = change;
            if (!writesGit) {
                row.change =
                    change === undefined || change.state === "unavailable"
                        ? undefined
                        : change.state === "unchanged"
                            ? "unchanged"
                            : "changed";
                anyChanged ||= change?.state === "changed" || change?.state === "first";
            }
            if (change?.state === "unchanged" && inputs.ifUnchanged === "skip")
                continue;
            upload.push(row);
        }
        if (inputs.artifact.perReport) {
            await core/* group */.Os("Publish the workflow artifacts", async () => {
                const { publishArtifact } = await Promise.all(/* import() */[__webpack_require__.e(829), __webpack_require__.e(116), __webpack_require__.e(150), __webpack_require__.e(316)]).then(__webpack_require__.bind(__webpack_require__, 2316));
                for (const row of upload) {
                    const result = row.outcome.result;
                    const own = (0,publish_steps/* defaultArtifactName */.Vb)(result);
                    const published = await publishArtifact({
                        filePaths: [result.path],
                        // A given artifact-name becomes a prefix: each report needs a name of its own.
                        name: inputs.artifact.name
                            ? `${inputs.artifact.name}-${own.replace(/^lucca-report-/, "")}`
                            : own,
                        archive: inputs.artifact.archive,
                        overwrite: inputs.artifact.overwrite,
                        retentionDays: inputs.artifact.retentionDays,
                    }, {
                        serverUrl: env.GITHUB_SERVER_URL,
                        repository: env.GITHUB_REPOSITORY,
                        runId: env.GITHUB_RUN_ID,
                    });
                    if (published.id !== undefined)
                        artifactIds.push(String(published.id));
                    row.artifact = { name: published.name, url: published.url };
                    core/* info */.pq((0,safe_text/* logSafe */.sN)(`Uploaded artifact ${published.name}`));
                }
            });
        }
        else if (upload.length > 0) {
            const published = await core/* group */.Os("Publish the workflow artifact", async () => {
                const { publishArtifact } = await Promise.all(/* import() */[__webpack_require__.e(829), __webpack_require__.e(116), __webpack_require__.e(150), __webpack_require__.e(316)]).then(__webpack_require__.bind(__webpack_require__, 2316));
                return publishArtifact({
                    filePaths: upload.map((row) => row.outcome.result.path),
                    name: inputs.artifact.name ?? "lucca-reports",
                    archive: true,
                    overwrite: inputs.artifact.overwrite,
                    retentionDays: inputs.artifact.retentionDays,
                }, {
                    serverUrl: env.GITHUB_SERVER_URL,
                    repository: env.GITHUB_REPOSITORY,
                    runId: env.GITHUB_RUN_ID,
                });
            });
            core/* info */.pq(`Uploaded artifact ${published.name} with ${upload.length} report(s)`);
            if (published.id !== undefined)
                artifactIds.push(String(published.id));
            for (const row of upload)
                row.artifact = { name: published.name, url: published.url };
        }
        for (const row of done) {
            const state = row.changeFacts?.state;
            if (state === "first" || state === "changed")
                await (0,change_step/* rememberReport */.g)(row.outcome.result, inputs, env);
        }
    }
    const failed = outcomes.filter((outcome) => outcome.status !== "done");
    core/* setOutput */.uH("reports", JSON.stringify(rows.map(reportObject)));
    core/* setOutput */.uH("succeeded", done.length);
    core/* setOutput */.uH("failed", failed.length);
    // Compared with nothing (cache: false, or the cache unavailable): unknown, as for one report.
    const unknown = !writesGit && inputs.publish.includes("artifact") && done.every((r) => !r.change);
    core/* setOutput */.uH("changed", unknown ? "" : String(anyChanged));
    core/* setOutput */.uH("commit-sha", commitSha ?? "");
    core/* setOutput */.uH("artifact-id", artifactIds.join(","));
    if (inputs.summary && env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z.addRaw(renderManySummary(rows, { commitSha, pullRequest })).write();
    }
    if (failed.length > 0) {
        for (const outcome of failed) {
            core/* error */.z3((0,safe_text/* logSafe */.sN)(failureText(outcome)), {
                title: `Lucca report ${outcome.spec.templateId} failed`,
            });
        }
        const aborted = failed.find((o) => o.status === "failed" && o.error instanceof errors/* AbortedError */.oM);
        if (aborted?.status === "failed")
            throw aborted.error;
        process.exitCode = 1;
    }
}
/** The step's one commit (git push, or signed through GitHub's API) or one pull request. */
async function publishGit(step, rows, done) {
    const { inputs } = step;
    const results = done.map((row) => row.outcome.result);
    const env = { ...step.env, GITHUB_WORKSPACE: step.workspace };
    // `timeout` bounds each report; publishing gets the same budget of its own.
    const limits = { signal: step.signal, timeoutMs: inputs.settings.timeoutMs };
    if (inputs.publish.includes("pull-request") && step.pullRequest) {
        const { publishManyPullRequest } = await __webpack_require__.e(/* import() */ 668).then(__webpack_require__.bind(__webpack_require__, 29668));
        return publishManyPullRequest(rows, inputs, env, limits, step.pullRequest);
    }
    if (inputs.github.signCommits) {
        const { publishManySignedCommit } = await __webpack_require__.e(/* import() */ 668).then(__webpack_require__.bind(__webpack_require__, 29668));
        const specs = rows.map((row) => row.outcome.spec);
        return publishManySignedCommit(results, specs, inputs, env, limits);
    }
    const committed = await commitAll(step, results);
    if (committed.commitSha && step.env.GITHUB_SERVER_URL && step.env.GITHUB_REPOSITORY) {
        core/* setOutput */.uH("commit-url", `${step.env.GITHUB_SERVER_URL}/${step.env.GITHUB_REPOSITORY}/commit/${committed.commitSha}`);
    }
    return committed;
}
async function commitAll(step, results) {
    const { inputs } = step;
    return core/* group */.Os("Commit the reports", async () => {
        const { commitReports } = await __webpack_require__.e(/* import() */ 988).then(__webpack_require__.bind(__webpack_require__, 22988));
        const committed = await commitReports({
            workspace: step.workspace,
            filePaths: results.map((result) => result.path),
            branch: inputs.commit.branch,
            message: (paths) => (0,several_reports_text/* manyCommitMessage */.m9)(inputs.commit.message, inputs.settings.reports, paths),
            author: inputs.commit.author,
            committer: inputs.commit.committer,
            pushAttempts: inputs.commit.pushAttempts,
            ignoreLines: inputs.commit.ignoreLines,
            signal: step.signal,
            // `timeout` bounds each report; the commit gets the same budget of its own.
            timeoutMs: inputs.settings.timeoutMs,
            secrets: [step.apiKey],
            env: step.env,
        });
        core/* info */.pq(committed.commitSha
            ? `Pushed ${committed.commitSha} with ${committed.changedPaths.length} report(s) to ${committed.branch}`
            : `${committed.branch} already holds every report: nothing to commit`);
        // commitReports names files by their real path in the repository; map them back.
        const workspace = await (0,promises_.realpath)(step.workspace);
        const byPath = new Map();
        for (const result of results) {
            byPath.set((0,external_node_path_.relative)(workspace, await (0,promises_.realpath)(result.path))
                .split(external_node_path_.sep)
                .join("/"), result.path);
        }
        return {
            commitSha: committed.commitSha,
            changedFiles: committed.changedPaths.map((path) => byPath.get(path) ?? path),
        };
    });
}
function reportObject(row) {
    const { outcome } = row;
    const base = {
        "template-id": outcome.spec.templateId,
        "starts-on": outcome.spec.period.startsOn ?? "",
        "ends-on": outcome.spec.period.endsOn ?? "",
        status: outcome.status,
    };
    if (outcome.status !== "done") {
        return {
            ...base,
            "report-id": outcome.status === "failed" ? (outcome.reportId ?? "") : "",
            error: outcome.status === "failed" ? messageOf(outcome.error) : "not started (fail-fast)",
        };
    }
    const r = outcome.result;
    return {
        ...base,
        "report-id": r.reportId,
        path: r.path,
        format: r.format,
        rows: r.rows ?? "",
        columns: r.columns ?? "",
        bytes: r.bytes,
        sha256: r.sha256,
        polls: r.polls,
        attempts: r.attempts,
        "duration-seconds": (r.durationMs / 1000).toFixed(1),
        changed: row.change === undefined ? "" : String(row.change === "changed"),
        "artifact-url": row.artifact?.url ?? "",
        error: "",
    };
}
function failureText(outcome) {
    const what = `template ${outcome.spec.templateId}, ${(0,progress_lines/* periodText */.JX)(outcome.spec.period.startsOn, outcome.spec.period.endsOn)}`;
    if (outcome.status === "skipped")
        return `${what}: not started (fail-fast stopped the step)`;
    if (outcome.status !== "failed")
        return what;
    const resume = outcome.reportId
        ? ` To resume it, run with template-id: ${outcome.spec.templateId} and report-id: ${outcome.reportId}.`
        : "";
    return `${what}${outcome.reportId ? `, report ${outcome.reportId}` : ""}: ${messageOf(outcome.error)}${resume}`;
}
function messageOf(error) {
    return error instanceof errors/* LuccaReportError */.v1 || error instanceof Error
        ? error.message
        : String(error);
}


/***/ }),

/***/ 76343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ runManyFromSettings)
});

// EXTERNAL MODULE: ./src/core/delay.ts
var delay = __webpack_require__(28997);
// EXTERNAL MODULE: ./src/core/retry-after.ts
var retry_after = __webpack_require__(11075);
;// CONCATENATED MODULE: ./src/core/request-budget.ts


const IN_FLIGHT_RECHECK_MS = 50;
/**
 * A token bucket over a sliding window: each token comes back `windowMs` after its request
 * was answered (a request still in flight keeps its token), so however late a request
 * reaches Lucca, no window of that length there ever holds more than `requests` requests
 * (a bucket refilled at a steady rate would allow nearly twice that across a boundary).
 */
function createRequestBudget(options) {
    const windowMs = options.windowMs ?? 60_000;
    const now = options.now ?? Date.now;
    const wait = options.wait ?? delay/* delay */.cb;
    const granted = [];
    /** Slots still counted: in flight (undefined) or answered at a time. */
    let recent = [];
    let pausedUntil = 0;
    let queue = Promise.resolve();
    const nextSlotIn = (at) => {
        recent = recent.filter((slot) => slot.answeredAt === undefined || slot.answeredAt + windowMs > at);
        let full = 0;
        if (recent.length >= options.requests) {
            // The slot that must free for one to be under the limit again; in flight, look again soon.
            const frees = recent
                .map((slot) => slot.answeredAt === undefined ? at + IN_FLIGHT_RECHECK_MS : slot.answeredAt + windowMs)
                .sort((a, b) => a - b)[recent.length - options.requests];
            full = frees - at;
        }
        return Math.max(full, pausedUntil - at, 0);
    };
    const takeInTurn = async (signal) => {
        for (;;) {
            signal.throwIfAborted();
            const ms = nextSlotIn(now());
            if (ms === 0)
                break;
            await wait(ms, signal);
        }
        const slot = { answeredAt: undefined };
        recent.push(slot);
        granted.push(now());
        return () => {
            slot.answeredAt ??= now();
        };
    };
    return {
        take(signal) {
            const turn = queue.then(() => takeInTurn(signal));
            // One caller giving up must not stop the ones behind it.
            queue = turn.then(() => { }, () => { });
            return turn;
        },
        pause(ms) {
            pausedUntil = Math.max(pausedUntil, now() + ms);
        },
        granted,
    };
}
/**
 * The step's one door to the network: every request waits for the shared budget, and a
 * 429 pauses the whole step, not only the request that got it.
 */
function budgetedFetch(fetch, budget, options = {}) {
    const now = options.now ?? Date.now;
    return async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 429) {
            budget.pause((0,retry_after/* parseRetryAfter */.m)(response.headers.get("retry-after"), now()) ?? options.pauseMs ?? 5_000);
        }
        return response;
    };
}
/** The most timestamps found in any window of `windowMs`. */
function peakPerWindow(times, windowMs) {
    const sorted = [...times].sort((a, b) => a - b);
    let peak = 0;
    let first = 0;
    for (let last = 0; last < sorted.length; last++) {
        while (sorted[first] + windowMs <= sorted[last])
            first++;
        peak = Math.max(peak, last - first + 1);
    }
    return peak;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(92091);
;// CONCATENATED MODULE: ./src/core/run-many.ts

/**
 * Runs every report, `concurrency` at a time, and returns one outcome per report in the
 * order given. A failed report does not stop the others unless `failFast` is set.
 */
async function runMany(options) {
    const stop = new AbortController();
    const signal = AbortSignal.any([options.signal, stop.signal]);
    const outcomes = options.reports.map((spec) => ({ spec, status: "skipped" }));
    let next = 0;
    // Two reports with one id would be one file with {reportId} in output-path, and two
    // "done" rows for one download: only the first report to get an id keeps it.
    const given = new Set();
    const worker = async () => {
        while (next < options.reports.length && !signal.aborted) {
            const index = next++;
            const spec = options.reports[index];
            let reportId;
            try {
                const result = await options.runOne(spec, signal, (id) => {
                    if (given.has(id)) {
                        throw new errors/* UnusableAnswerError */.qx(`Lucca gave this report the id ${id}, which another report of this run already has; it is not downloaded, so that it cannot replace the other's file`);
                    }
                    given.add(id);
                    reportId = id;
                });
                outcomes[index] = { spec, status: "done", result };
            }
            catch (error) {
                outcomes[index] = { spec, status: "failed", error, reportId };
                if (options.failFast)
                    stop.abort(error);
            }
        }
    };
    const workers = Math.max(1, Math.min(options.concurrency, options.reports.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return outcomes;
}

// EXTERNAL MODULE: ./src/node/run-job.ts + 10 modules
var run_job = __webpack_require__(25652);
;// CONCATENATED MODULE: ./src/node/run-many-job.ts



/** Every report of the step through one request budget; one outcome per report. */
async function runManyFromSettings(settings, env) {
    const each = settings.reports.map((spec) => settingsFor(settings, spec));
    for (const one of each)
        await (0,run_job/* checkOutputTarget */.B)(one, env.output);
    const budget = env.budget ??
        createRequestBudget({
            requests: settings.requestsPerMinute,
            windowMs: env.windowMs,
            now: env.now,
        });
    const fetch = budgetedFetch(env.fetch, budget, { now: env.now });
    return runMany({
        reports: settings.reports,
        concurrency: settings.concurrency,
        failFast: settings.failFast,
        signal: env.signal,
        runOne: (spec, signal, created) => (0,run_job/* runJobFromSettings */.E)(settingsFor(settings, spec), {
            fetch,
            output: env.output,
            signal,
            now: env.now,
            previewRows: env.previewRows,
            pollHistoryPath: env.pollHistoryPath,
            takeSlot: (slotSignal) => budget.take(slotSignal),
            onEvent: (event) => {
                if (event.type === "created")
                    created(event.reportId);
                env.onEvent(spec, event);
            },
        }),
    });
}
function settingsFor(settings, spec) {
    return { ...settings, templateId: spec.templateId, period: spec.period, reportId: undefined };
}


/***/ })

};
