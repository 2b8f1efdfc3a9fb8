import { fail, run } from "./adapters/action/main.ts";

run().catch(fail);
