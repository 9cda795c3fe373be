import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a process's CPU went, from the V8 profiles `node --cpu-prof` writes on exit (for the national
 * bench: `BENCH_NATIONAL_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'`).
 *
 *   node --import tsx bench/cpuprofile.ts /tmp/prof [top]
 *
 * Prints, for every profile and for all of them together, the share of sampled time by part (GC, idle,
 * Node's own internals, each npm package, our code) and the functions with the most self time. The
 * last line is one JSON object of the combined figures.
 */

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The part of the program a frame belongs to: a package, Node's internals, our code, or V8's own. */
export function partOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (idle), (program), (root)
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ours = /\/(server|schema|web|test)\/src\//.exec(url) ?? /\/(test)\//.exec(url);
  return ours ? `ours:${ours[1]}` : 'other';
}

type Tally = { total: number; parts: Map<string, number>; functions: Map<string, number> };

function add(tally: Tally, profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  for (let i = 0; i < profile.samples.length; i += 1) {
    const frame = byId.get(profile.samples[i]!);
    if (!frame) continue;
    const micros = Math.max(0, profile.timeDeltas[i] ?? 0);
    tally.total += micros;
    const part = partOf(frame);
    tally.parts.set(part, (tally.parts.get(part) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''} [${part}]`;
    tally.functions.set(name, (tally.functions.get(name) ?? 0) + micros);
  }
}

function share(tally: Tally, map: Map<string, number>, top: number): [string, number][] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => [k, Math.round((1000 * v) / Math.max(1, tally.total)) / 10]);
}

function print(title: string, tally: Tally, top: number): void {
  console.log(`\n${title}: ${(tally.total / 1e6).toFixed(1)} s sampled`);
  console.log('  by part (% of samples):');
  for (const [k, v] of share(tally, tally.parts, 15)) console.log(`    ${String(v).padStart(5)} %  ${k}`);
  console.log('  by function, self time:');
  for (const [k, v] of share(tally, tally.functions, top)) console.log(`    ${String(v).padStart(5)} %  ${k}`);
}

const newTally = (): Tally => ({ total: 0, parts: new Map(), functions: new Map() });

function main(): void {
  const target = process.argv[2];
  const top = Number(process.argv[3] ?? 25);
  if (!target) {
    console.error('usage: node --import tsx bench/cpuprofile.ts <profile or folder> [top]');
    process.exit(2);
  }
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(target, f))
    : [target];
  const all = newTally();
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const one = newTally();
    add(one, profile);
    add(all, profile);
    print(path.basename(file), one, Math.min(top, 12));
  }
  print(`all ${files.length} profiles`, all, top);
  console.log(
    JSON.stringify({
      profiles: files.length,
      sampledSec: Math.round(all.total / 1e5) / 10,
      parts: Object.fromEntries(share(all, all.parts, 20)),
      functions: Object.fromEntries(share(all, all.functions, top)),
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
