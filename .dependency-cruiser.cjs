// Import rules of src/ (docs/development.md, "Layout"): npm run lint fails on a breach.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle makes two modules one; split out what both need.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "core-stays-core",
      severity: "error",
      comment:
        "src/core runs under Node, Deno and the tests without module mocks: it imports only core (and zod).",
      from: { path: "^src/core/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^src/core/", "node_modules/zod/"] },
    },
    {
      name: "core-no-node-builtins",
      severity: "error",
      comment: "src/core receives fetch, clock, files and hashing as parameters.",
      from: { path: "^src/core/", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "cli-and-action-apart",
      severity: "error",
      comment: "The CLI and the action never import each other; what both need lives in src/node.",
      from: { path: "^src/cli/" },
      to: { path: "^src/action/" },
    },
    {
      name: "action-and-cli-apart",
      severity: "error",
      comment: "The CLI and the action never import each other; what both need lives in src/node.",
      from: { path: "^src/action/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "node-below-runtimes",
      severity: "error",
      comment: "src/node serves the CLI and the action; it never reaches up into either.",
      from: { path: "^src/node/" },
      to: { path: "^src/(cli|action)/" },
    },
    {
      name: "publish-below-runtimes",
      severity: "error",
      comment: "Publishing knows nothing of how it was asked for.",
      from: { path: "^src/publish/" },
      to: { path: "^src/(cli|action|node)/" },
    },
    {
      name: "no-actions-toolkit-outside-action",
      severity: "error",
      comment: "@actions/core and friends belong to the action and to publishing.",
      from: { path: "^src/(core|node|cli)/", pathNot: "\\.test\\.ts$" },
      to: { path: "node_modules/@actions/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.test\\.ts$" },
  },
};
