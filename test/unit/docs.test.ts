import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../server/src/core/text/problem';
import { ruleSection } from '../../server/src/core/analysis/ruleDocs';
import { RULES } from '../../server/src/core/analysis/rules';

const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/rules.md'), 'utf8');

describe('docs/rules.md', () => {
  it('has a section with why and fix for every rule id of the catalogue', () => {
    for (const id of RULE_IDS) {
      const section = ruleSection(docs, id);
      assert.ok(section, `docs/rules.md has no section for ${id}`);
      assert.match(section, /\*\*Why:\*\*/, `${id} says why`);
      assert.match(section, /\*\*Fix:\*\*/, `${id} says how to fix`);
    }
  });

  it('links every section from the index at the top', () => {
    for (const id of RULE_IDS) assert.ok(docs.includes(`](#${id})`), `the index links ${id}`);
  });

  it('a section ends at the next rule', () => {
    const section = ruleSection(docs, 'route-cidr') ?? '';
    assert.ok(section.startsWith('## route-cidr'));
    assert.ok(!section.includes('## route-host-bits'));
  });

  it('knows only rule ids of the catalogue', () => {
    for (const rule of RULES) assert.ok((RULE_IDS as readonly string[]).includes(rule.id));
  });
});
