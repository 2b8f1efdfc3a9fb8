export const id = 402;
export const ids = [402];
export const modules = {

/***/ 38402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubClient: () => (/* binding */ GitHubClient),
  T: () => (/* binding */ MAX_BLOB_BYTES)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/publish/github/answers.ts

// What the client reads of GitHub's answers. Octokit hands over whatever body came back: a
// cut-off body becomes `undefined` and a proxy's HTML page a string, with a 200 either way.
// Object ids and URLs read here reach git, the job's outputs and its summary, so they are
// checked before use, like any other text from the network.
const objectId = schemas/* string */.YjP().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/);
const pullRequest = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int().positive(),
    html_url: schemas/* string */.YjP().regex(/^https?:\/\/[^\s<>"]+$/),
    head: schemas/* object */.Ikc({ sha: objectId }),
});
// Git's names as GitHub reports them (nullable-git-user): shown only through the log-line door.
const gitUser = schemas/* object */.Ikc({ name: schemas/* string */.YjP().optional(), email: schemas/* string */.YjP().optional() })
    .nullable()
    .transform((user) => ({ name: user?.name ?? "", email: user?.email ?? "" }));
const answers = {
    repository: schemas/* object */.Ikc({ default_branch: schemas/* string */.YjP().regex(/^[^\s\p{Cc}]+$/u) }),
    ref: schemas/* object */.Ikc({ object: schemas/* object */.Ikc({ sha: objectId }) }),
    commit: schemas/* object */.Ikc({
        sha: objectId,
        tree: schemas/* object */.Ikc({ sha: objectId }),
        parents: schemas/* array */.YOg(schemas/* object */.Ikc({ sha: objectId })),
        author: gitUser.optional(),
    }),
    tree: schemas/* object */.Ikc({
        tree: schemas/* array */.YOg(schemas/* object */.Ikc({
            path: schemas/* string */.YjP().optional(),
            mode: schemas/* string */.YjP().optional(),
            type: schemas/* string */.YjP().optional(),
            sha: objectId.optional(),
        })),
    }),
    blob: schemas/* object */.Ikc({ content: schemas/* string */.YjP(), encoding: schemas/* string */.YjP() }),
    created: schemas/* object */.Ikc({ sha: objectId }),
    createdCommit: schemas/* object */.Ikc({
        sha: objectId,
        verification: schemas/* object */.Ikc({ verified: schemas/* boolean */.zMY() }),
        author: gitUser.optional(),
        committer: gitUser.optional(),
    }),
    comparison: schemas/* object */.Ikc({
        total_commits: schemas/* number */.aig().int().nonnegative(),
        commits: schemas/* array */.YOg(schemas/* object */.Ikc({
            sha: objectId,
            parents: schemas/* array */.YOg(schemas/* object */.Ikc({ sha: objectId })),
            commit: schemas/* object */.Ikc({ author: gitUser, committer: gitUser }),
        })),
        files: schemas/* array */.YOg(schemas/* object */.Ikc({ filename: schemas/* string */.YjP(), previous_filename: schemas/* string */.YjP().optional() }))
            .optional(),
    }),
    pullRequest,
    pullRequests: schemas/* array */.YOg(pullRequest),
};

// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var dist_src = __webpack_require__(31015);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./src/publish/github/errors.ts
var github_errors = __webpack_require__(59004);
;// CONCATENATED MODULE: ./src/publish/github/api-failure.ts



/** A failed call as a GitHubApiError: what was called, what GitHub said, what to check. */
function describeApiFailure(call) {
    const { method, path, permission, error } = call;
    const status = error instanceof dist_src/* RequestError */.G ? error.status : undefined;
    const said = (0,redact/* excerptOf */.zU)(call.redact(error instanceof Error ? error.message : String(error)), [
        call.token,
    ]);
    let hint = "";
    if (rateLimited(error)) {
        hint = " GitHub's rate limit for this token was reached: run the job again later.";
    }
    else if (status === 403 || status === 401) {
        hint =
            status === 401
                ? " The token was refused: check github-token."
                : ` The token needs \`permissions: ${permission}\` in the workflow (or job)` +
                    (permission === "pull-requests: write"
                        ? ', and the repository must allow it: Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests".'
                        : ".");
    }
    else if (status === 404) {
        hint = " Check the repository name and that the token can read it.";
    }
    return new github_errors/* GitHubApiError */.O(`GitHub API ${method} ${path} failed${status ? ` (${status})` : ""}: ${said}${/[.!?]$/.test(said) ? "" : "."}${hint}`, { status, method, path, cause: error });
}
/** GitHub's refusals for its primary (remaining 0) or secondary (Retry-After) rate limit. */
function rateLimited(error) {
    if (!(error instanceof dist_src/* RequestError */.G) || (error.status !== 403 && error.status !== 429)) {
        return false;
    }
    const headers = error.response?.headers ?? {};
    return headers["x-ratelimit-remaining"] === "0" || headers["retry-after"] !== undefined;
}
/** The token, and anything that looks like one, blanked out of text bound for a log. */
function redactToken(text, token) {
    // Stryker disable next-line ArrayDeclaration: equivalent
    // `[token]` -> []: the token-shaped pattern below and excerptOf(..., [token]) blank it
    // all the same.
    return (0,redact/* redact */.E$)(text, [token]).replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, "***");
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(85555);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./src/publish/github/octokit-client.ts




/**
 * Octokit as the client uses it: the job's signal and a timeout on every request, retries of
 * 5xx and network failures, writes spaced as GitHub asks, rate limits waited out briefly.
 */
function createOctokit(options, apiUrl, redactText) {
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    const signal = options.signal;
    const baseFetch = (utils/* defaults */.NT.request?.fetch ?? fetch);
    // Each attempt gets its own timeout. A cancelled job surfaces as an AbortError, which
    // @octokit/request rethrows as is and plugin-retry does not retry.
    const requestFetch = (input, init) => {
        if (signal?.aborted) {
            return Promise.reject(new DOMException("The job was cancelled", "AbortError"));
        }
        const signals = [AbortSignal.timeout(timeoutMs)];
        if (init?.signal)
            signals.push(init.signal);
        if (signal)
            signals.push(signal);
        return baseFetch(input, { ...init, signal: AbortSignal.any(signals) }).catch((error) => {
            // Whatever reason the job gave, Octokit must see an AbortError, or it would retry.
            if (signal?.aborted)
                throw new DOMException("The job was cancelled", "AbortError");
            throw error;
        });
    };
    const spacing = options.spacing ?? { writeMs: 1000, notifyMs: 3000 };
    const warn = options.warn ?? (() => { });
    const unitMs = options.retryAfterUnitMs ?? 1000;
    const Client = utils/* GitHub */.gq.plugin(dist_bundle/* retry */.L, throttling);
    return new Client((0,utils/* getOctokitOptions */.EG)(options.token, {
        baseUrl: apiUrl,
        request: { fetch: requestFetch },
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: unitMs },
        throttle: {
            retryAfterBaseValue: unitMs,
            write: new (light_default()).Group({ maxConcurrent: 1, minTime: spacing.writeMs }),
            notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: spacing.notifyMs }),
            // A primary or secondary rate limit is waited out twice at most, and never for long.
            onRateLimit: (after, _options, _octokit, count) => {
                warn(`GitHub's rate limit was reached; ${count < 2 && after <= 60 ? `retrying in ${after} s` : "giving up"}`);
                return count < 2 && after <= 60;
            },
            onSecondaryRateLimit: (after, _options, _octokit, count) => {
                warn(`GitHub's secondary rate limit was reached; ${count < 2 && after <= 60 ? `retrying in ${after} s` : "giving up"}`);
                return count < 2 && after <= 60;
            },
        },
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => warn(redactText(message)),
            error: () => { },
        },
    }));
}

;// CONCATENATED MODULE: ./src/publish/github/client.ts





/** GitHub's size limit for one blob sent through the Git Data API. */
const MAX_BLOB_BYTES = 100 * 1024 * 1024;
/**
 * The one door to GitHub's REST API: every call carries the job's signal and a per-request
 * timeout, is retried and throttled by Octokit's plugins, and fails with a GitHubApiError
 * whose message names the call and never holds the token.
 */
class GitHubClient {
    owner;
    repo;
    apiUrl;
    #octokit;
    #token;
    #signal;
    constructor(options) {
        const [owner, repo, ...rest] = options.repository.split("/");
        if (!owner || !repo || rest.length > 0) {
            throw new errors/* LuccaReportError */.v1(`Cannot call GitHub as the repository "${options.repository}" is not of the form owner/name`);
        }
        if (!options.token) {
            throw new errors/* LuccaReportError */.v1("Cannot call GitHub without a token: set github-token (by default the job's GITHUB_TOKEN)");
        }
        this.owner = owner;
        this.repo = repo;
        this.apiUrl = (options.apiUrl || "https://api.github.com").replace(/\/+$/, "");
        this.#token = options.token;
        this.#signal = options.signal;
        this.#octokit = createOctokit(options, this.apiUrl, (text) => this.redact(text));
    }
    get #repo() {
        return { owner: this.owner, repo: this.repo };
    }
    /** The repository's default branch. */
    async defaultBranch() {
        const data = await this.#read("GET", `/repos/${this.owner}/${this.repo}`, "contents: read", answers.repository, () => this.#octokit.rest.repos.get(this.#repo));
        return data.default_branch;
    }
    /** The branch's tip, or undefined when the branch does not exist. */
    async branchTip(branch) {
        const path = `/repos/${this.owner}/${this.repo}/git/ref/heads/${branch}`;
        try {
            const data = await this.#read("GET", path, "contents: read", answers.ref, () => this.#octokit.rest.git.getRef({ ...this.#repo, ref: `heads/${branch}` }));
            return data.object.sha;
        }
        catch (error) {
            if (error instanceof github_errors/* GitHubApiError */.O && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async commit(sha) {
        const data = await this.#read("GET", `/repos/${this.owner}/${this.repo}/git/commits/${sha}`, "contents: read", answers.commit, () => this.#octokit.rest.git.getCommit({ ...this.#repo, commit_sha: sha }));
        return {
            sha: data.sha,
            tree: data.tree.sha,
            parents: data.parents.map((parent) => parent.sha),
            author: data.author,
        };
    }
    async tree(sha) {
        const data = await this.#read("GET", `/repos/${this.owner}/${this.repo}/git/trees/${sha}`, "contents: read", answers.tree, () => this.#octokit.rest.git.getTree({ ...this.#repo, tree_sha: sha }));
        return data.tree.map((entry) => ({
            path: entry.path ?? "",
            mode: entry.mode ?? "",
            type: entry.type ?? "",
            sha: entry.sha ?? "",
        }));
    }
    async blob(sha) {
        const data = await this.#read("GET", `/repos/${this.owner}/${this.repo}/git/blobs/${sha}`, "contents: read", answers.blob, () => this.#octokit.rest.git.getBlob({ ...this.#repo, file_sha: sha }));
        return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    }
    async createBlob(content) {
        const data = await this.#read("POST", `/repos/${this.owner}/${this.repo}/git/blobs`, "contents: write", answers.created, () => this.#octokit.rest.git.createBlob({
            ...this.#repo,
            content: content.toString("base64"),
            encoding: "base64",
        }));
        return data.sha;
    }
    async createTree(baseTree, entries) {
        const data = await this.#read("POST", `/repos/${this.owner}/${this.repo}/git/trees`, "contents: write", answers.created, () => this.#octokit.rest.git.createTree({
            ...this.#repo,
            base_tree: baseTree,
            tree: entries.map((entry) => ({
                path: entry.path,
                mode: "100644",
                type: "blob",
                sha: entry.sha,
            })),
        }));
        return data.sha;
    }
    /**
     * A commit object. Without author and committer GitHub makes the token's identity the
     * author and signs the commit (shown as Verified); with either, it does not sign.
     */
    async createCommit(options) {
        const data = await this.#read("POST", `/repos/${this.owner}/${this.repo}/git/commits`, "contents: write", answers.createdCommit, () => this.#octokit.rest.git.createCommit({
            ...this.#repo,
            message: options.message,
            tree: options.tree,
            parents: options.parents,
            ...(options.author ? { author: options.author } : {}),
            ...(options.committer ? { committer: options.committer } : {}),
        }));
        return {
            sha: data.sha,
            verified: data.verification.verified,
            author: data.author,
            committer: data.committer,
        };
    }
    /**
     * The commits on `head` that `base` does not have (as `git log base..head`, oldest first, at
     * most 250) and, with a single page, the files that differ from their merge base (at most 300).
     */
    async compare(base, head) {
        const basehead = `${base}...${head}`;
        const data = await this.#read("GET", `/repos/${this.owner}/${this.repo}/compare/${basehead}`, "contents: read", answers.comparison, () => this.#octokit.rest.repos.compareCommitsWithBasehead({ ...this.#repo, basehead }));
        return {
            totalCommits: data.total_commits,
            commits: data.commits.map((commit) => ({
                sha: commit.sha,
                parents: commit.parents.map((parent) => parent.sha),
                author: commit.commit.author,
                committer: commit.commit.committer,
            })),
            files: (data.files ?? []).map((file) => ({
                path: file.filename,
                previousPath: file.previous_filename,
            })),
        };
    }
    /** Creates the branch; "exists" when another run created it first. */
    async createBranch(branch, sha) {
        try {
            await this.#call("POST", `/repos/${this.owner}/${this.repo}/git/refs`, "contents: write", () => this.#octokit.rest.git.createRef({ ...this.#repo, ref: `refs/heads/${branch}`, sha }));
            return "created";
        }
        catch (error) {
            if (error instanceof github_errors/* GitHubApiError */.O && error.status === 422)
                return "exists";
            throw error;
        }
    }
    /**
     * Moves the branch to `sha`. Without force, GitHub answers 422 when `sha` does not descend
     * from the current tip: another run moved the branch ("moved").
     */
    async updateBranch(branch, sha, force) {
        try {
            await this.#call("PATCH", `/repos/${this.owner}/${this.repo}/git/refs/heads/${branch}`, "contents: write", () => this.#octokit.rest.git.updateRef({ ...this.#repo, ref: `heads/${branch}`, sha, force }));
            return "updated";
        }
        catch (error) {
            if (!force && error instanceof github_errors/* GitHubApiError */.O && error.status === 422)
                return "moved";
            throw error;
        }
    }
    /** Open pull requests from `branch` (of this repository) into `base`. */
    async openPullRequests(branch, base) {
        const data = await this.#read("GET", `/repos/${this.owner}/${this.repo}/pulls`, "contents: read", answers.pullRequests, () => this.#octokit.rest.pulls.list({
            ...this.#repo,
            state: "open",
            head: `${this.owner}:${branch}`,
            base,
        }));
        return data.map((pull) => ({
            number: pull.number,
            url: pull.html_url,
            headSha: pull.head.sha,
        }));
    }
    async createPullRequest(options) {
        const data = await this.#read("POST", `/repos/${this.owner}/${this.repo}/pulls`, "pull-requests: write", answers.pullRequest, () => this.#octokit.rest.pulls.create({
            ...this.#repo,
            head: options.branch,
            base: options.base,
            title: options.title,
            body: options.body,
            draft: options.draft,
        }));
        return { number: data.number, url: data.html_url, headSha: data.head.sha };
    }
    async updatePullRequest(number, options) {
        const data = await this.#read("PATCH", `/repos/${this.owner}/${this.repo}/pulls/${number}`, "pull-requests: write", answers.pullRequest, () => this.#octokit.rest.pulls.update({ ...this.#repo, pull_number: number, ...options }));
        return { number: data.number, url: data.html_url, headSha: data.head.sha };
    }
    async addLabels(number, labels) {
        await this.#call("POST", `/repos/${this.owner}/${this.repo}/issues/${number}/labels`, "pull-requests: write", () => this.#octokit.rest.issues.addLabels({ ...this.#repo, issue_number: number, labels }));
    }
    async requestReviewers(number, reviewers, teamReviewers) {
        await this.#call("POST", `/repos/${this.owner}/${this.repo}/pulls/${number}/requested_reviewers`, "pull-requests: write", () => this.#octokit.rest.pulls.requestReviewers({
            ...this.#repo,
            pull_number: number,
            reviewers,
            team_reviewers: teamReviewers,
        }));
    }
    /** The token, and anything that looks like one, blanked out of text bound for a log. */
    redact(text) {
        return redactToken(text, this.#token);
    }
    /** A call whose answer is read: it must have the shape GitHub documents. */
    async #read(method, path, permission, schema, send) {
        const { status, data } = await this.#call(method, path, permission, send);
        const parsed = schema.safeParse(data);
        if (!parsed.success) {
            throw new github_errors/* GitHubApiError */.O(`GitHub API ${method} ${path} failed (${status}): the answer is not what GitHub sends ` +
                "(a body cut off, or a page from a proxy in between). Run the job again; if it persists, check the network between the runner and GitHub.", { status, method, path });
        }
        return parsed.data;
    }
    async #call(method, path, permission, send) {
        try {
            return await send();
        }
        catch (error) {
            if (this.#signal?.aborted)
                throw this.#signal.reason;
            throw this.#failure(method, path, permission, error);
        }
    }
    #failure(method, path, permission, error) {
        return describeApiFailure({
            method,
            path,
            permission,
            error,
            token: this.#token,
            redact: (text) => this.redact(text),
        });
    }
}


/***/ })

};
