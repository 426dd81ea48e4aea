import * as assert from 'node:assert/strict';
import { SharedNameCounts, sharedNamesOf } from '../../server/src/core/analysis/sharedNames';
import { factsOfParsed } from '../../server/src/core/analysis/workspaceIndex';
import { parseText } from '../../server/src/core/analysis/lint';
import { machineConfig } from '../support/machineConfig';

const UNIT = ['[Unit]', 'Description=x', '[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/true', '[Install]', 'WantedBy=multi-user.target'];
const namesOf = (text: string) => sharedNamesOf(factsOfParsed(parseText(text)).documents);

describe('names documents share (the test before findings across files)', () => {
  it('a document counts each of its names once: writing a unit twice shares it with nobody', () => {
    const twice = namesOf(machineConfig({ name: '99-worker-a', units: [{ name: 'a.service', contents: UNIT }, { name: 'a.service', contents: UNIT }] }));
    const counts = new SharedNameCounts();
    counts.add(twice);
    assert.equal(counts.mayHaveFindings, false);
  });

  it('a name of two documents may make findings until one of them is removed; a pool always may', () => {
    const a = namesOf(machineConfig({ name: '99-worker-a', units: [{ name: 'x.service', contents: UNIT }] }));
    const b = namesOf(machineConfig({ name: '99-worker-b', units: [{ name: 'x.service', contents: UNIT }] }));
    const counts = new SharedNameCounts();
    counts.add(a);
    assert.equal(counts.mayHaveFindings, false);
    counts.add(b);
    assert.equal(counts.mayHaveFindings, true);
    counts.remove(a);
    assert.equal(counts.mayHaveFindings, false);
    counts.add({ names: [], pools: 1 });
    assert.equal(counts.mayHaveFindings, true);
    counts.remove({ names: [], pools: 1 });
    assert.equal(counts.mayHaveFindings, false);
  });

  it('a name the other files have counts once the file has it, until it goes, or the other files change', () => {
    const a = namesOf(machineConfig({ name: '99-worker-a', units: [{ name: 'x.service', contents: UNIT }] }));
    const counts = new SharedNameCounts();
    counts.setBeyond(new Set(['unit\0x.service']));
    assert.equal(counts.mayHaveFindings, false);
    counts.add(a);
    assert.equal(counts.mayHaveFindings, true);
    counts.setBeyond(new Set(['unit\0y.service']));
    assert.equal(counts.mayHaveFindings, false);
    counts.setBeyond(new Set(['unit\0x.service']));
    assert.equal(counts.mayHaveFindings, true);
    counts.remove(a);
    assert.equal(counts.mayHaveFindings, false);
  });
});
