import * as assert from 'node:assert/strict';
import { buildMachineConfig } from '../../server/src/core/kinds/machineconfig/model';
import { previewTargets } from '../../server/src/core/ide/preview';
import { parseText } from '../../server/src/core/analysis/lint';
import { parseYamlDocuments, scalarAt } from '../../server/src/core/text/yamlDocuments';
import { machineConfig } from '../support/machineConfig';
import { SEED } from '../support/seed';

// A unit's contents is parsed when first read (model.ts UnitEntry): a preview's targets and
// the code lenses read only names and entries, and after an edit of a long file the models
// are rebuilt without parsing every unit.
describe('unit entries of a MachineConfig model', () => {
  it('parse their contents once, on first read: the same text every time, as the file has it', () => {
    const [document] = parseYamlDocuments(SEED);
    const mc = buildMachineConfig(document, SEED);
    assert.ok(mc);
    const [unit] = mc.units;
    const first = unit.contents;
    assert.ok(first);
    assert.equal(unit.contents, first, 'the same parse on a second read');
    assert.match(first.text.value, /^\[Unit\]/);
    assert.equal(first.execLines.length, 1);
    assert.equal(unit.dropins.length, 0);
  });

  it('read their contents only when asked: the model is built without parsing it', () => {
    const [document] = parseYamlDocuments(SEED);
    const mc = buildMachineConfig(document, SEED);
    assert.ok(mc);
    // The contents scalar, made unreadable after the model is built and before its contents
    // is asked for: a model that parsed it when built would still have the unit text.
    const scalar = scalarAt(mc.units[0].node, 'contents');
    assert.ok(scalar);
    scalar.value = 42;
    assert.equal(mc.units[0].contents, undefined);
  });

  it('a unit without contents reads as undefined', () => {
    const text = machineConfig({ units: [{ name: 'a.service', enabled: true }] });
    const [document] = parseYamlDocuments(text);
    const mc = buildMachineConfig(document, text);
    assert.equal(mc?.units.length, 1);
    assert.equal(mc.units[0].contents, undefined);
    assert.equal(mc.units[0].name?.value, 'a.service');
  });

  it('a preview\'s targets name the units', () => {
    const parsed = parseText(SEED);
    const targets = previewTargets(parsed);
    assert.deepEqual(targets.map((t) => `${t.kind} ${t.name}`), ['unit nmcli-dev-modify.service']);
  });
});
