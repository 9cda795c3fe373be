/**
 * `pnpm bench <name>`: runs one benchmark and prints its figures as one JSON object, last.
 * Benchmarks are not tests: they measure, against a baseline taken in the same run.
 */
const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  submit: async () => (await import('./submit.ts')).runSubmitBench(),
  analytics: async () => (await import('./analytics.ts')).runAnalyticsBench(),
  live: async () => (await import('./live.ts')).runLiveBench(),
  national: async () => (await import('./national.ts')).runNationalBench(),
};

const name = process.argv[2];
const bench = name ? benches[name] : undefined;
if (!bench) {
  process.stderr.write(`usage: pnpm bench <${Object.keys(benches).join('|')}>\n`);
  process.exit(2);
}
const result = await bench();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
