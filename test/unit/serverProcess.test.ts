import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverNodeFlags } from '../../server/src/serverProcess';

describe('serverProcess: node flags the client starts the server with', function () {
  it('leaves the analysing thread a core: V8 gets one worker fewer than the cores, at most node\'s four', function () {
    const poolSizes = [1, 2, 3, 4, 5, 8, 64].map((cores) => serverNodeFlags(cores, false));
    assert.deepEqual(poolSizes, [['--v8-pool-size=1'], ['--v8-pool-size=1'], ['--v8-pool-size=2'], ['--v8-pool-size=3'], [], [], []]);
  });

  it('gives Electron nothing: it makes V8\'s platform itself', function () {
    assert.deepEqual(serverNodeFlags(2, true), []);
  });

  it('is a flag this node accepts', function () {
    const run = spawnSync(process.execPath, [...serverNodeFlags(2, false), '-e', 'process.stdout.write("ran")'], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'ran');
  });
});
