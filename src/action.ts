import { fail, run } from "./action/main.ts";

run().catch(fail);
