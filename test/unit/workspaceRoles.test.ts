import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializeParams } from 'vscode-languageserver/node';
import { WorkspaceRoles } from '../../server/src/lsp/workspaceRoles';
import { machineConfigHead } from '../support/machineConfig';

const config = (role: string) => machineConfigHead({ name: `99-${role}-x`, role });

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };

describe('workspace roles (for completing the role label)', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcroutes-roles-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const init = (roles: WorkspaceRoles) => roles.setRoots({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] } as unknown as InitializeParams);

  it('reads YAML files of the folders, skipping node_modules, .git and files over the size bound', async () => {
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules'));
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, 'a', 'b', 'edge.yml'), config('edge'));
    writeFileSync(path.join(root, 'infra.yaml'), config('infra'));
    writeFileSync(path.join(root, 'big.yaml'), config('big') + '#'.repeat(2000));
    writeFileSync(path.join(root, 'notes.txt'), config('txt'));
    writeFileSync(path.join(root, 'node_modules', 'dep.yaml'), config('dep'));
    writeFileSync(path.join(root, '.git', 'x.yaml'), config('git'));
    const roles = new WorkspaceRoles(quiet, { maxBytes: 1000 });
    init(roles);
    assert.deepEqual(await roles.roles([], 'file:///elsewhere.yaml'), ['edge', 'infra']);
  });

  it('reads at most maxFiles files', async () => {
    for (let i = 0; i < 5; i++) writeFileSync(path.join(root, `c${i}.yaml`), config(`r${i}`));
    const roles = new WorkspaceRoles(quiet, { maxFiles: 2 });
    init(roles);
    assert.equal((await roles.roles([], 'file:///elsewhere.yaml')).length, 2);
  });

  it('yamlFiles lists the files read and says which bound stopped the scan short', async () => {
    for (let i = 0; i < 3; i++) writeFileSync(path.join(root, `c${i}.yaml`), config(`r${i}`));
    const all = new WorkspaceRoles(quiet);
    init(all);
    const read = await all.yamlFiles();
    assert.deepEqual(read.files.map((f) => path.basename(f)).sort(), ['c0.yaml', 'c1.yaml', 'c2.yaml']);
    assert.equal(read.bound, undefined);
    const few = new WorkspaceRoles(quiet, { maxFiles: 3 });
    init(few);
    assert.equal((await few.yamlFiles()).bound, undefined);
    writeFileSync(path.join(root, 'big.yaml'), config('big') + '#'.repeat(2000));
    const bounded = new WorkspaceRoles(quiet, { maxFiles: 2, maxBytes: 1000 });
    init(bounded);
    assert.match((await bounded.yamlFiles()).bound ?? '', /^stopped at 2 YAML files/);
    const large = new WorkspaceRoles(quiet, { maxBytes: 1000 });
    init(large);
    assert.equal((await large.yamlFiles()).bound, 'skipped 1 file over 1000 bytes');
  });

  it('an open document counts as edited, not as saved; the current document not at all', async () => {
    const file = path.join(root, 'infra.yaml');
    writeFileSync(file, config('infra'));
    writeFileSync(path.join(root, 'current.yaml'), config('saved'));
    const roles = new WorkspaceRoles(quiet);
    init(roles);
    const open = TextDocument.create(pathToFileURL(file).href, 'yaml', 2, config('storage'));
    const current = TextDocument.create(pathToFileURL(path.join(root, 'current.yaml')).href, 'yaml', 1, config('typing'));
    assert.deepEqual(await roles.roles([open, current], current.uri), ['storage']);
  });
});

describe('workspace index (the scan of the workspace folders)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcroutes-index-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('indexes the facts of saved files by URI with their positions, and says in the log when a bound is reached', async () => {
    for (let i = 0; i < 3; i++) writeFileSync(path.join(root, `c${i}.yaml`), config(`r${i}`));
    const warnings: string[] = [];
    const index = new WorkspaceRoles({ ...quiet, warn: (m: string) => warnings.push(m) }, { maxFiles: 2 });
    index.setRoots({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] } as unknown as InitializeParams);
    await index.refresh();
    const files = index.filesBeyond([], 'file:///elsewhere.yaml');
    assert.equal(files.length, 2);
    assert.ok(files.every((f) => f.file.startsWith('file:') && f.index.documents[0].kind === 'MachineConfig'));
    const range = index.rangeInSaved(files[0].file, 0, 1);
    assert.deepEqual(range?.start, { line: 0, character: 0 });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /stopped at 2 YAML files/);
  });
});
