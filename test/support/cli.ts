/** The one runner of the bundled command line, dist/cli.js, for the CLI tests. */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './seed';

export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run (not enumerable: a run compares deepEqual to { status, stdout, stderr }). */
  readonly ms: number;
}

export interface CliOptions extends Pick<SpawnSyncOptions, 'env' | 'uid' | 'gid'> {
  /** Default: the repository, so test/fixtures/… names the fixtures. */
  cwd?: string;
  /** Written to its stdin. */
  input?: string;
  /** A hang guard, generous for a loaded machine. */
  timeoutMs?: number;
}

/** `node dist/cli.js ...args`, to its end. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const { cwd, input, timeoutMs, ...rest } = options;
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [CLI_JS, ...args], {
    ...rest,
    cwd: cwd ?? REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  });
  if (result.error) throw result.error;
  const run = { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
  return Object.defineProperty(run, 'ms', { value: performance.now() - t0, enumerable: false }) as CliRun;
}

/** In a `before`: the bundle is there (`npm run build` made it). */
export function assertCliBuilt(): void {
  assert.ok(existsSync(CLI_JS), `${CLI_JS} is missing: run \`npm run build\` first`);
}

/** A folder for a `describe`'s files: made in `before` (after checking the bundle is built), removed in `after`. */
export function cliTempDir(prefix: string): () => string {
  let dir: string | undefined;
  before(() => {
    assertCliBuilt();
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir!;
}

/** `file:line:col severity code message`: a line of `mcroutes lint`. */
export const LINT_LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) ([a-z0-9-]+) (.+)$/;

/** The lines of `mcroutes lint` as `line:col severity code`, as lintLine writes a known finding. */
export function lintSummary(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => LINT_LINE.exec(l)!).map((m) => `${m[2]}:${m[3]} ${m[4]} ${m[5]}`);
}
