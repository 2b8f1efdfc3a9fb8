// `npm run simulator -- --port 8080`: a Lucca stand-in for trying the action and CLI by hand.
import { parseCliArgs, USAGE, UsageError } from "./cli-args.ts";
import { startSimulator } from "./server.ts";

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (command.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { options } = command;
  if (command.log) {
    options.onRequest = (r) => {
      process.stderr.write(`${r.origin} ${r.method} ${r.url} -> ${r.status || "cut"}\n`);
    };
  }
  const sim = await startSimulator(options);
  const templateId = sim.options.templates?.[0] ?? "42";
  process.stdout.write(
    [
      `Lucca simulator listening on ${sim.url}`,
      `API key: ${sim.apiKey}`,
      `Template ids: ${(sim.options.templates ?? []).join(", ")}`,
      `Try: LUCCA_API_KEY=${sim.apiKey} node src/cli.ts --domain ${sim.url} --template-id ${templateId}`,
      "",
    ].join("\n"),
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
