import { VERSION } from "../version.ts";

export const HELP = `lucca-report ${VERSION}: generate a Lucca Timesheet report and save it as a file.

Usage:
  lucca-report --domain URL --template-id ID [period] [options]
  lucca-report --domain URL --report-id ID [options]          download an existing report
  lucca-report template create --domain URL --file template.json
  lucca-report doctor --domain URL --template-id ID [--json]   check what your tenant does

The API key is read from the LUCCA_API_KEY environment variable or --api-key-file PATH,
never from a flag value.

Report:
  --domain URL               Lucca domain, e.g. https://acme.ilucca.net (env LUCCA_DOMAIN)
  --template-id ID           report template id (env LUCCA_TEMPLATE_ID); repeat it or give
                             ids separated by commas for several templates
  --api-key-file PATH        read the API key from this file instead of LUCCA_API_KEY
  --report-id ID             resume: wait for / download this existing report
  --format csv|excel         file format (default csv)
  --output PATH              where to write (default reports/{templateId}_{startsOn}_{endsOn}.csv);
                             placeholders {templateId} {startsOn} {endsOn} {year} {month} {reportId}

Period (default: the template's own period):
  --start YYYY-MM-DD --end YYYY-MM-DD    explicit dates, end inclusive
  --period NAME              previous-month, current-month, previous-week, current-week,
                             previous-day, or a month as YYYY-MM; several months, one report
                             each: YYYY-MM..YYYY-MM (at most 36) or last-N-months
  --timezone IANA            zone used to resolve --period (default UTC); weeks start Monday
  --end-date-convention C    inclusive (default): endsOn sent is the last day; exclusive:
                             the day after it (compare once with the Lucca UI)

Waiting and retries (durations: 1500ms, 90s, 15m, 1h30m, or seconds):
  --timeout D                overall deadline (default 15m)
  --poll-interval D          first wait between status checks (default 1s)
  --max-poll-interval D      longest wait between status checks (default 8s)
  --request-timeout D        per request (default 30s)
  --max-retries N            retries of a failed request (default 5)
  --generation-attempts N    reports created in all when Lucca fails one (default 2)
  --allow-host HOST          allow a domain outside Lucca's host names (repeatable)

Several reports (several templates or months):
  --concurrency N            reports generated at once (default 3, at most 10)
  --requests-per-minute N    budget shared by every request of the run (default 20, max 50)
  --fail-fast                stop at the first failed report

Output:
  --json                     print one JSON result object on stdout (several reports:
                             one object per line, JSON Lines, in the order asked)
  --trace FILE               write every HTTP exchange to FILE as JSON lines (no key, no
                             values: headers without credentials, bodies as their shape)
  -q, --quiet                only errors on stderr
  -v, --verbose              every status check and retry on stderr
  -h, --help, --version

Exit codes: 0 done, 1 unexpected error, 2 invalid input, 3 Lucca rejected the request,
4 the report failed after every attempt, 5 timeout (resume with --report-id),
6 network or server failure after retries, 129/130/143 interrupted (SIGHUP/INT/TERM).
With several reports, the highest code among the failed reports (an interruption first).
`;
