// `npm run package`: the bundles, then the .vsix (dist/mcroutes-<version>.vsix) with a README
// written for the extension's details page, which an installed extension shows offline:
// - that page allows images only from https: and data: (its Content-Security-Policy), so each
//   screenshot is written once as a data: URL (a reference definition the images point at);
// - it opens only http(s) and mailto links, but scrolls to in-page anchors, so the documents
//   the README links to (docs/*.md) are appended to it and the links point at their anchors.
// The repository's README.md stays as it is for GitHub and for readers of the tree.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagedReadme = path.join('out', 'package', 'README.md');

/** The docs appended to the packaged README, in order, with the anchor each starts at. */
const APPENDED_DOCS = ['docs/rules.md', 'docs/highlighting.md', 'docs/performance.md'];

export function anchorOf(doc) {
  return doc.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

/** Rewrites README text for the details page (see the top of this file). */
export function detailsPageReadme(readme, readFile) {
  const images = new Map();
  const imageRef = (target) => {
    if (!images.has(target)) images.set(target, `image-${images.size + 1}`);
    return images.get(target);
  };
  const linkTarget = (target) => {
    const [file, fragment] = target.split('#');
    if (!APPENDED_DOCS.includes(file)) return target;
    return `#${fragment || anchorOf(file)}`;
  };
  const rewrite = (text) =>
    text
      .replace(/!\[([^\]]*)\]\(([^)\s]+\.png)\)/g, (_, alt, target) => `![${alt}][${imageRef(target)}]`)
      .replace(/(?<!!)\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label, target) => `[${label}](${linkTarget(target)})`);

  const parts = [rewrite(readme)];
  for (const doc of APPENDED_DOCS) {
    // Images in the docs are relative to docs/.
    const text = readFile(doc).replace(/\]\((images\/[^)\s]+)\)/g, '](docs/$1)');
    parts.push(`\n\n---\n\n<a id="${anchorOf(doc)}"></a>\n\n*${doc}*\n\n${rewrite(text)}`);
  }
  const definitions = [...images].map(([target, ref]) => {
    const data = readFile(target, 'base64');
    return `[${ref}]: data:image/png;base64,${data}`;
  });
  return `${parts.join('')}\n\n${definitions.join('\n')}\n`;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')]);
    const readFile = (rel, encoding = 'utf8') => fs.readFileSync(path.join(root, rel), encoding);
    fs.mkdirSync(path.join(root, path.dirname(packagedReadme)), { recursive: true });
    fs.writeFileSync(path.join(root, packagedReadme), detailsPageReadme(readFile('README.md'), readFile));
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links',
      '--readme-path', packagedReadme, '--out', 'dist/']);
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
