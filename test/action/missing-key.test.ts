import { describe, expect, it } from "vitest";
import { runAction } from "../support/action.ts";

describe("the action without its API key", () => {
  it("says that the secret is empty or not available to this event, before any request", async () => {
    // What a workflow run for a pull request from a fork gets: the secret expands to "".
    const run = await runAction(
      { domain: "https://acme.ilucca.net", "api-key": "", "template-id": "42" },
      { fromSource: true, env: { GITHUB_EVENT_NAME: "pull_request" } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error title=Invalid inputs::/);
    expect(run.stdout).toContain(
      "api-key: missing; the secret passed to it is empty or not available to this event: GitHub gives no secrets to workflows run for pull requests from forks",
    );
  });
});
