// `npm run demo`: the whole flow against the built-in Lucca simulator, no account needed.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { startSimulator } from "../simulator/server.ts";

const root = resolve(import.meta.dirname, "..");
const simulator = await startSimulator({ generationMs: 3000, rows: 250 });
console.error(`Lucca simulator listening on ${simulator.url} (report generation takes 3 s)\n`);

const previousMonth = ["--period", "previous-month", "--timezone", "Europe/Paris"];
const args = [
  resolve(root, "src/cli.ts"),
  "--domain",
  simulator.url,
  "--template-id",
  "42",
  ...previousMonth,
];
console.error(`$ LUCCA_API_KEY=*** lucca-report ${args.slice(1).join(" ").replace(root, ".")}\n`);

const child = spawn(process.execPath, args, {
  cwd: root,
  env: { ...process.env, LUCCA_API_KEY: simulator.apiKey },
  stdio: "inherit",
});
const code = await new Promise<number>((done) => child.on("close", (exit) => done(exit ?? 1)));
await simulator.close();
if (code === 0) console.error("\nDemo done: open the file above. Run the tests with: npm test");
process.exit(code);
