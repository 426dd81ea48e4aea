// The scripts behind the README's two commands and `npm run package`: what they decide,
// without running apt-get or vsce (test/ui/start.ui.mjs and installed.ui.mjs run them whole).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface PackagePlan { action: 'none' | 'install' | 'stop'; missing: string[]; args?: string[]; message?: string }
interface SetupModule { packagePlan(purpose: string, options: { isRoot: boolean; exists?: (file: string) => boolean }): PackagePlan }
interface PackageModule { detailsPageReadme(readme: string, readFile: (rel: string, encoding?: string) => string): string; anchorOf(doc: string): string }

const load = <T>(script: string): Promise<T> => import(pathToFileURL(path.join(ROOT, 'scripts', script)).href) as Promise<T>;

describe('scripts/setup.mjs: the Debian packages', () => {
  const without = (...gone: string[]) => (file: string) => !gone.some((g) => file.includes(g));

  it('asks for nothing when everything is installed', async () => {
    const { packagePlan } = await load<SetupModule>('setup.mjs');
    assert.deepEqual(packagePlan('test', { isRoot: false, exists: () => true }), { action: 'none', missing: [] });
  });

  it('npm start does not need the browser or Neovim; npm test does', async () => {
    const { packagePlan } = await load<SetupModule>('setup.mjs');
    assert.equal(packagePlan('start', { isRoot: false, exists: without('chromium', 'nvim') }).action, 'none');
    assert.deepEqual(packagePlan('test', { isRoot: false, exists: without('chromium', 'nvim') }).missing, ['chromium', 'neovim']);
  });

  it('installs them as root', async () => {
    const { packagePlan } = await load<SetupModule>('setup.mjs');
    const plan = packagePlan('start', { isRoot: true, exists: without('gssapi', '/rg') });
    assert.equal(plan.action, 'install');
    assert.deepEqual(plan.args, ['install', '-y', '--no-install-recommends', 'libkrb5-dev', 'ripgrep']);
  });

  it('otherwise stops with one message naming the one command to run', async () => {
    const { packagePlan } = await load<SetupModule>('setup.mjs');
    const plan = packagePlan('test', { isRoot: false, exists: without('chromium') });
    assert.equal(plan.action, 'stop');
    assert.equal(plan.message, 'npm test needs the Debian packages chromium. Install them with\n\n'
      + '    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n\nthen run npm test again.');
  });
});

describe('scripts/package.mjs: the README of the details page', () => {
  const files: Record<string, string> = {
    'docs/rules.md': '# rules\n\n## route-host-bits\n\n![the preview](images/a.png)\n',
    'docs/highlighting.md': '# highlighting\n',
    'docs/performance.md': '# performance\n',
    'docs/images/a.png': 'PNG-A',
    'docs/images/b.png': 'PNG-B',
  };
  const readFile = (rel: string, encoding?: string) => {
    const text = files[rel];
    if (text === undefined) throw new Error(`no ${rel}`);
    return encoding === 'base64' ? Buffer.from(text).toString('base64') : text;
  };
  const readme = '# Title\n\n![first](docs/images/a.png)\n\n![second](docs/images/b.png) ![again](docs/images/a.png)\n\n'
    + 'Details in [docs/rules.md](docs/rules.md), one rule in [route-host-bits](docs/rules.md#route-host-bits), '
    + 'the web at [nmcli](https://example.com/nmcli).\n';

  it('writes each image once, as a data: URL the images refer to', async () => {
    const { detailsPageReadme } = await load<PackageModule>('package.mjs');
    const out = detailsPageReadme(readme, readFile);
    assert.match(out, /!\[first\]\[image-1\]/);
    assert.match(out, /!\[second\]\[image-2\] !\[again\]\[image-1\]/);
    assert.equal(out.match(/^\[image-1\]: data:image\/png;base64,UE5HLUE=$/gm)?.length, 1);
    assert.equal(out.match(/^\[image-2\]: data:image\/png;base64,UE5HLUI=$/gm)?.length, 1);
    assert.doesNotMatch(out, /\]\((docs\/)?images\//);
    // An image of a doc (relative to docs/) is the README's image-1 again.
    assert.match(out, /!\[the preview\]\[image-1\]/);
  });

  it('appends the linked docs and points the links at them; web links stay', async () => {
    const { detailsPageReadme, anchorOf } = await load<PackageModule>('package.mjs');
    const out = detailsPageReadme(readme, readFile);
    assert.equal(anchorOf('docs/rules.md'), 'docs-rules-md');
    assert.match(out, /\[docs\/rules\.md\]\(#docs-rules-md\)/);
    assert.match(out, /\[route-host-bits\]\(#route-host-bits\)/);
    assert.match(out, /\[nmcli\]\(https:\/\/example\.com\/nmcli\)/);
    assert.match(out, /<a id="docs-rules-md"><\/a>[\s\S]*## route-host-bits/);
  });
});
