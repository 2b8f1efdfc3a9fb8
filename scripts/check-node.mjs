// `npm run demo` runs this first, as plain JavaScript: a Node too old to strip types stops at
// the first .ts file with ERR_UNKNOWN_FILE_EXTENSION, before any of our code could explain.
// The same rule and words as src/node/node-version.ts; test/cli/node-version.test.ts keeps them equal.
import process from "node:process";

const MIN_NODE = [22, 19, 0];

const found = process.versions.node.split(".").map(Number);
const index = MIN_NODE.findIndex((need, at) => found[at] !== need);
if (index !== -1 && found[index] < MIN_NODE[index]) {
  process.stderr.write(
    `lucca-report needs Node ${MIN_NODE[0]}.${MIN_NODE[1]} or newer (found ${process.versions.node}); install a current Node from https://nodejs.org\n`,
  );
  process.exit(1);
}
