/**
 * The reproduction runner when things go wrong (issue 14, "nothing lost, nothing left running"),
 * under real Jupyter with a tiny fixture notebook (test/fixtures/notebooks/01-fixture.ipynb: writes
 * a figure, works at full CPU for SBL_FIXTURE_BUSY seconds, writes its data file). Every process a
 * run starts inherits SBL_TEST_MARK, so the tests can see whether anything survived. The runs go
 * concurrently: each costs a kernel start, not the notebooks' real work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(root, 'test/fixtures/notebooks/01-fixture.ipynb');
// inside the checkout (git-ignored tmp/), so the fixture resolves 'spikingbrain-lib' from node_modules
const sandboxes = join(root, 'tmp');
mkdirSync(sandboxes, { recursive: true });
const made: string[] = [];

interface Run {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; seconds: number }>;
}

interface Sandbox {
  dir: string;
  nbDir: string;
  tmp: string;
  mark: string;
}

function sandbox(): Sandbox {
  const dir = mkdtempSync(join(sandboxes, 'runner-test-'));
  made.push(dir);
  const nbDir = join(dir, 'nb');
  const tmp = join(dir, 'tmp');
  mkdirSync(nbDir);
  mkdirSync(tmp);
  copyFileSync(fixture, join(nbDir, '01-fixture.ipynb'));
  return { dir, nbDir, tmp, mark: `${process.pid}-${Math.random().toString(36).slice(2)}` };
}

/** Starts the runner as a plain node process (no tsx wrapper in between), as a user's shell would. */
function start(s: Sandbox, args: string[], o: { busy?: number; cwd?: string } = {}): Run {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SBL_DATA_DIR: '',
    TMPDIR: s.tmp,
    SBL_TEST_MARK: s.mark,
    SBL_FIXTURE_BUSY: String(o.busy ?? 0),
  };
  delete env.npm_lifecycle_event;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/reproduce.ts'), ...args], { cwd: o.cwd ?? root, env });
  let out = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.filter((x) => x.pattern.test(out))) w.resolve();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; seconds: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, seconds: (Date.now() - started) / 1000 })),
  );
  const waitFor = (pattern: RegExp, ms = 240_000) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(out)) return resolve();
      const timer = setTimeout(() => reject(new Error(`no ${pattern} in runner output:\n${out}`)), ms);
      waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
      void done.then(() => (pattern.test(out) ? resolve() : reject(new Error(`runner ended without ${pattern}:\n${out}`))));
    });
  return { child, output: () => out, waitFor, done };
}

/** Processes still carrying the sandbox's mark (polls briefly: a killed process takes a moment to go). */
async function survivors(mark: string, ms = 3000): Promise<string[]> {
  const needle = Buffer.from(`SBL_TEST_MARK=${mark}\0`);
  let found: string[] = [];
  for (let waited = 0; waited <= ms; waited += 200) {
    found = readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .filter((e) => {
        try {
          return readFileSync(`/proc/${e}/environ`).indexOf(needle) >= 0;
        } catch {
          return false;
        }
      })
      .map((e) => {
        try {
          return `${e}: ${readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 120)}`;
        } catch {
          return e;
        }
      });
    if (found.length === 0) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  return found;
}

const runnerTemps = (s: Sandbox) => readdirSync(s.tmp).filter((f) => f.startsWith('sbl-nb-'));

/** Old outputs in `out`, to see whether an interrupted run touched them. */
function oldOutputs(out: string): () => void {
  mkdirSync(join(out, 'figures'), { recursive: true });
  const files = { [join(out, '01-fixture.json')]: '{"old": true}\n', [join(out, 'figures/fixture-figure.svg')]: '<svg>old</svg>\n' };
  for (const [f, text] of Object.entries(files)) writeFileSync(f, text);
  return () => {
    for (const [f, text] of Object.entries(files)) expect(readFileSync(f, 'utf8'), f).toBe(text);
    expect(readdirSync(out).sort()).toEqual(['01-fixture.json', 'figures']);
    expect(readdirSync(join(out, 'figures'))).toEqual(['fixture-figure.svg']);
  };
}

afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe.concurrent('npm run reproduce: stopping, failing and finishing leave nothing behind', () => {
  it('a finished run puts data file, figure and executed notebook in place, --out relative to the caller, temp removed', async () => {
    const s = sandbox();
    const committed = readFileSync(join(s.nbDir, '01-fixture.ipynb'), 'utf8');
    const run = start(s, ['--dir', '.', '--out', 'relout'], { cwd: s.nbDir });
    const r = await run.done;
    expect(r.code, run.output()).toBe(0);
    const out = join(s.nbDir, 'relout');
    expect(JSON.parse(readFileSync(join(out, '01-fixture.json'), 'utf8')).mode).toBe('full');
    expect(readFileSync(join(out, 'figures/fixture-figure.svg'), 'utf8')).toContain('full');
    // the executed notebook replaced the committed one, whole
    const executed = readFileSync(join(s.nbDir, '01-fixture.ipynb'), 'utf8');
    expect(executed).not.toBe(committed);
    expect(JSON.parse(executed).cells[3].outputs.length).toBeGreaterThan(0);
    expect(readdirSync(s.nbDir).sort()).toEqual(['01-fixture.ipynb', 'relout']);
    expect(existsSync(join(root, 'relout'))).toBe(false);
    expect(runnerTemps(s)).toEqual([]);
    expect(await survivors(s.mark)).toEqual([]);
  }, 300_000);

  it('SIGTERM mid-run stops the kernel, leaves old outputs and the notebook untouched, exits 143', async () => {
    const s = sandbox();
    const out = join(s.dir, 'out');
    const unchanged = oldOutputs(out);
    const notebook = readFileSync(join(s.nbDir, '01-fixture.ipynb'), 'utf8');
    const run = start(s, ['--dir', s.nbDir, '--out', out], { busy: 300 });
    // by now the notebook has saved its figure (to the staging folder) and spins at full CPU
    await run.waitFor(/fixture: busy/);
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code, run.output()).toBe(143);
    expect(run.output()).toMatch(/SIGTERM: stopping the kernel/);
    expect(await survivors(s.mark)).toEqual([]);
    expect(runnerTemps(s)).toEqual([]);
    // a surviving kernel would write within seconds; nothing may change
    await new Promise((resolve) => setTimeout(resolve, 2000));
    unchanged();
    expect(readFileSync(join(s.nbDir, '01-fixture.ipynb'), 'utf8')).toBe(notebook);
  }, 300_000);

  it('SIGINT stops a quick run, which writes to data/quick/ by default, and exits 130', async () => {
    const s = sandbox();
    const target = join(root, 'data/quick/01-fixture.json');
    const before = existsSync(target) ? statSync(target).mtimeMs : null;
    const run = start(s, ['--quick', '--dir', s.nbDir], { busy: 300 });
    await run.waitFor(/fixture: busy/);
    expect(run.output()).toContain(`data -> ${join(root, 'data', 'quick')},`);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code, run.output()).toBe(130);
    expect(await survivors(s.mark)).toEqual([]);
    expect(runnerTemps(s)).toEqual([]);
    expect(existsSync(target) ? statSync(target).mtimeMs : null).toBe(before);
  }, 300_000);

  it('a runner killed with SIGKILL still loses its kernel and temporary folder (the guardian)', async () => {
    const s = sandbox();
    const run = start(s, ['--dir', s.nbDir, '--out', join(s.dir, 'out')], { busy: 300 });
    await run.waitFor(/fixture: busy/);
    expect(runnerTemps(s).length).toBe(1);
    run.child.kill('SIGKILL');
    await run.done;
    expect(await survivors(s.mark, 6000)).toEqual([]);
    expect(runnerTemps(s)).toEqual([]);
    expect(readdirSync(join(s.dir, 'out'))).toEqual([]);
  }, 300_000);

  it('the wall-clock limit stops the kernel and fails naming the limit', async () => {
    const s = sandbox();
    const out = join(s.dir, 'out');
    const unchanged = oldOutputs(out);
    const run = start(s, ['--dir', s.nbDir, '--out', out, '--time-limit', '4'], { busy: 300 });
    const r = await run.done;
    expect(r.code, run.output()).toBe(1);
    expect(run.output()).toMatch(/notebook 01-fixture\.ipynb exceeded the time limit of 4 s/);
    expect(r.seconds).toBeLessThan(60);
    expect(await survivors(s.mark)).toEqual([]);
    expect(runnerTemps(s)).toEqual([]);
    unchanged();
  }, 300_000);

  it('--out that cannot be created fails at once, naming it, before any kernel starts', async () => {
    const s = sandbox();
    writeFileSync(join(s.dir, 'a-file'), '');
    for (const bad of ['/proc/nope', join(s.dir, 'a-file'), '/proc']) {
      const run = start(s, ['--dir', s.nbDir, '--out', bad]);
      const r = await run.done;
      expect(r.code, run.output()).toBe(1);
      expect(run.output()).toContain(`reproduce: --out ${bad}`);
      expect(run.output()).not.toContain('[1/1]');
      expect(r.seconds).toBeLessThan(30);
    }
    expect(await survivors(s.mark)).toEqual([]);
  }, 300_000);

  it('a quick run refuses to overwrite full-mode data unless --overwrite-full', async () => {
    const s = sandbox();
    const out = join(s.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, '01-fixture.json'), JSON.stringify({ mode: 'full' }));
    const run = start(s, ['--quick', '--dir', s.nbDir, '--out', out]);
    const r = await run.done;
    expect(r.code, run.output()).toBe(1);
    expect(run.output()).toContain(`a quick run would overwrite full-mode data ${join(out, '01-fixture.json')}`);
    expect(run.output()).toContain('--overwrite-full');
    expect(run.output()).not.toContain('[1/1]');
  }, 120_000);
});
