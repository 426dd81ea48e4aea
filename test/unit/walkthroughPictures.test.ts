// The walkthrough's pictures (media/*.svg) are what test/support/walkthroughPictures.ts draws
// from the product today, and each step's Markdown shows its picture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/textmate';
import { walkthroughPictures, type Picture } from '../support/walkthroughPictures';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { steps: { id: string; media: { markdown?: string } }[] }[] };
};

describe('walkthrough pictures', function () {
  this.timeout(20_000);
  let pictures: Picture[];
  before(async () => {
    pictures = await walkthroughPictures();
  });

  it('are what test/support/walkthroughPictures.ts draws (run `node scripts/walkthrough-pictures.mjs` after a change)', () => {
    for (const { file, svg } of pictures) {
      assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), svg, `${file} is stale: run \`npx tsc -b && node scripts/walkthrough-pictures.mjs\``);
    }
  });

  it('every step shows the picture next to its Markdown, with a description for screen readers', () => {
    const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
    assert.equal(steps.length, pictures.length);
    for (const step of steps) {
      const markdown = step.media.markdown;
      assert.ok(markdown, `${step.id} has Markdown media`);
      const text = fs.readFileSync(path.join(ROOT, markdown), 'utf8');
      const image = /!\[([^\]]+)\]\(([^)\s]+)\)/.exec(text);
      assert.ok(image, `${markdown} shows an image`);
      assert.ok(image[1].length > 20, `${markdown}: the image has a description`);
      assert.ok(pictures.some((p) => p.file === path.posix.join(path.posix.dirname(markdown), image[2])), `${markdown} shows ${image[2]}, one of the pictures`);
    }
  });

  it('draw the product: the example\'s real findings and hover, the wizard\'s verdict, the preview\'s title', () => {
    const svg = (name: string) => pictures.find((p) => p.file === `media/${name}.svg`)!.svg;
    assert.match(svg('findings'), /mcroutes\(unit-network-online\)/);
    assert.match(svg('findings'), /stroke="#cca700"/, 'a warning squiggle');
    assert.match(svg('wizard'), /192\.168\.1\.5\/24 has host bits set: the network of this route is 192\.168\.1\.0\/24\./);
    assert.match(svg('wizard'), /Press Enter to use 192\.168\.1\.0\/24\./);
    assert.match(svg('preview'), /Preview: nmcli-dev-modify\.service/);
    assert.match(svg('preview'), /Preview of unit nmcli-dev-modify\.service in seed-route\.yaml/);
    for (const { file, svg: text } of pictures) assert.ok(text.length < 40_000, `${file} is ${text.length} bytes`);
  });
});
