// The edit-the-spec loop, measured on a throwaway copy of this repository (so the working tree and
// the shared Turbo cache are left alone): a cold build with an empty Turbo cache, a fully cached
// `pnpm build`, and spec-edit-to-green (edit the spec, then the whole `pnpm test`, with the cache a
// developer has after a previous `pnpm test`). A first, unmeasured `pnpm test` warms that cache; the
// cold builds use an empty cache folder of their own (`--cache-dir`) so they never empty it. Rounds
// are interleaved (cold, cached, edit, cold, …) so that machine load hits every measure alike; the
// table gives medians. Usage: node bench/edit-loop.mjs [--rounds 3]
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);

const GOALS = { cold: 15_000, cached: 1_000, edit: 20_000 };

function copyRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'modelarts-lite-loop-'));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: root, encoding: 'utf8' },
  )
    .split('\0')
    .filter((f) => f && existsSync(join(root, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  // Installed dependencies are shared: the root node_modules is linked, each package's copied as
  // the relative symlinks pnpm made.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const pkgs = [
    'spec',
    'scripts',
    ...['packages', 'tools'].flatMap((p) => readdirSync(join(root, p)).map((d) => `${p}/${d}`)),
  ];
  for (const p of pkgs) {
    const from = join(root, p, 'node_modules');
    if (existsSync(from))
      cpSync(from, join(dir, p, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@bench', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'copy');
  return dir;
}

/** Deletes every build output: with an empty cache, the state of a fresh clone after install. */
function makeCold(dir) {
  const pkgs = [
    'spec',
    'scripts',
    ...['packages', 'tools'].flatMap((p) => readdirSync(join(dir, p)).map((d) => `${p}/${d}`)),
  ];
  for (const p of pkgs) {
    for (const out of ['dist', 'src/generated', '.turbo'])
      rmSync(join(dir, p, out), { recursive: true, force: true });
  }
}

/**
 * CPU seconds (user + system) of this process's finished children, from /proc/self/stat's cutime
 * and cstime: pnpm waits for Turbo, which waits for every task, so a run's CPU is the difference
 * across it. Wall time on a shared machine says how busy the others were; CPU time does not.
 * Linux only (elsewhere NaN); 100 ticks a second, as on every Linux `getconf CLK_TCK` this runs on.
 */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs `pnpm …args` in the copy; a failure is recorded (a red run is not "green"), not fatal. */
function time(dir, args, key) {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const result = spawnSync('pnpm', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (key) cpu[key].push((childCpuSeconds() - cpuBefore) * 1000);
  if (result.status !== 0) {
    const failed = /^Failed:\s+(.*)$/m.exec(result.stdout)?.[1] ?? `exit ${result.status}`;
    process.stderr.write(`pnpm ${args.join(' ')} failed: ${failed}\n`);
    failures.push(`pnpm ${args[0]}: ${failed}`);
  }
  return ms;
}

/**
 * Which pnpm the runs start, e.g. `pnpm 12.18.0 (native executable)`: every task is a pnpm start.
 * pnpm 12 is a native program and adds about 0.1 s to a script; pnpm 10 added 0.65 s as its
 * standalone executable (`@pnpm/exe`), more as the JavaScript package, which Node starts.
 */
function pnpmFlavour() {
  const version = spawnSync('pnpm', ['--version'], { cwd: tmpdir(), encoding: 'utf8' }).stdout;
  const found = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'pnpm'))
    .find((file) => existsSync(file));
  const kind = !found
    ? 'not on PATH'
    : isNativeExecutable(realpathSync(found))
      ? 'native executable'
      : 'script, started through Node';
  return `pnpm ${version.trim()} (${kind})`;
}

/**
 * Whether a file starts as an ELF, Mach-O or PE executable does. The alternatives are pnpm 10's
 * JavaScript package (a .cjs file) and pnpm 12's placeholder bin, a shell script that hands over to
 * Node when npm did not run the package's install script.
 */
function isNativeExecutable(file) {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const magic = head.toString('hex');
  return (
    ['7f454c46', 'cffaedfe', 'cefaedfe', 'cafebabe'].includes(magic) || magic.startsWith('4d5a')
  );
}

const failures = [];
const loadAtStart = loadavg()[0].toFixed(2);
const pnpmUsed = pnpmFlavour();
const dir = copyRepo();
const samples = { cold: [], cached: [], edit: [] };
const cpu = { cold: [], cached: [], edit: [] };
try {
  const specFile = join(dir, 'spec', 'openapi.yaml');
  const spec = readFileSync(specFile, 'utf8');
  process.stderr.write('warming the Turbo cache with a first pnpm test…\n');
  time(dir, ['test']);
  for (let round = 1; round <= rounds; round++) {
    makeCold(dir);
    const emptyCache = join(dir, '.turbo', `cold-${round}`);
    samples.cold.push(time(dir, ['build', `--cache-dir=${emptyCache}`], 'cold'));
    rmSync(emptyCache, { recursive: true, force: true });
    samples.cached.push(time(dir, ['build'], 'cached'));
    // An annotation-level edit (covered by the pending changesets): everything downstream rebuilds.
    writeFileSync(specFile, spec.replace(/^(\s+summary: )(.*)$/m, `$1$2 (edit ${round})`));
    samples.edit.push(time(dir, ['test'], 'edit'));
    process.stderr.write(
      `round ${round}/${rounds}: cold ${fmt(samples.cold.at(-1))}, cached ${fmt(samples.cached.at(-1))}, edit→green ${fmt(samples.edit.at(-1))} (CPU ${fmt(cpu.edit.at(-1))}; load ${loadavg()[0].toFixed(2)})\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function fmt(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}
const rows = [
  ['cold `pnpm build`, empty Turbo cache', 'cold'],
  ['cached `pnpm build`', 'cached'],
  ['spec edit → green `pnpm test`', 'edit'],
];
console.log(`\nThe edit-the-spec loop, ${rounds} interleaved rounds on a copy of the repository`);
console.log(
  `${availableParallelism()} cores, ${pnpmUsed}; load average ${loadAtStart} at the start, ${loadavg()[0].toFixed(2)} at the end. CPU / 2 cores is the time the work would take on two otherwise idle cores if it kept both busy: a floor for wall time on a quiet machine.\n`,
);
console.log(
  '| measure | median | min | max | goal | median / goal | CPU (user+sys), median | CPU / 2 cores |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
if (failures.length > 0) console.log(`Failed runs (timed all the same): ${failures.join('; ')}\n`);
for (const [label, key] of rows) {
  const list = samples[key];
  const m = median(list);
  console.log(
    `| ${label} | ${fmt(m)} | ${fmt(Math.min(...list))} | ${fmt(Math.max(...list))} | ≤ ${fmt(GOALS[key])} | ${(m / GOALS[key]).toFixed(2)} | ${fmt(median(cpu[key]))} | ${fmt(median(cpu[key]) / 2)} |`,
  );
}
