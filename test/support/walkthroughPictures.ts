/**
 * The pictures of the "Get started" walkthrough (media/*.svg), drawn from the product itself:
 * the example MachineConfig highlighted by VS Code's YAML grammar and the extension's
 * injection, its real findings as squiggles with one finding's hover, the wizard's verdict on
 * a destination with host bits set (checkWizardInput), and the unit preview the core renders,
 * highlighted by the preview grammar and wrapped as the editor wraps it. Colours are those of
 * VS Code's Dark+ theme.
 *
 * Vector pictures rather than the README's screenshots: the screenshots, already inside the
 * packaged README as data: URLs, would be a second time in the package and take it over its
 * 1 MB budget; these are a few kilobytes and stay sharp at any size. `node
 * scripts/walkthrough-pictures.mjs` writes them (after `npx tsc -b`); a unit test fails when
 * a file is not what this module draws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as tm from 'vscode-textmate';
import { lintText } from '../../server/src/core/analysis/lint';
import { renderPreview } from '../../server/src/core/ide/preview';
import { checkWizardInput, stepsFor } from '../../server/src/core/ide/wizardCheck';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { createRegistry, loadOniguruma, ROOT, tokenizeLines, type LineTokens } from './textmate';

export interface Picture {
  /** Path under the repository root. */
  file: string;
  svg: string;
}

const SEED_FILE = 'examples/seed-route.yaml';
const CHAR = 7.8;
const LINE = 19;
const PAD = 12;
const TAB_BAR = 30;
const GUTTER = 5;
const BACKGROUND = '#1f1f1f';
const FOREGROUND = '#cccccc';
const MONO = `font-family="Menlo, Consolas, 'DejaVu Sans Mono', monospace" font-size="13"`;
const SANS = `font-family="'Segoe UI', system-ui, sans-serif" font-size="12"`;
const SEVERITY_COLOURS: Record<string, string> = { error: '#f14c4c', warning: '#cca700', info: '#3794ff' };

/** Dark+ token colours: a scope takes the colour of the longest selector it starts with, innermost scope first. */
const THEME: ReadonlyArray<[selector: string, colour: string]> = [
  ['comment', '#6a9955'], ['string', '#ce9178'], ['constant.numeric', '#b5cea8'], ['constant.language', '#569cd6'],
  ['constant.character', '#d7ba7d'], ['entity.name.tag', '#569cd6'], ['entity.name.type', '#4ec9b0'],
  ['entity.name.function', '#dcdcaa'], ['support.function', '#dcdcaa'], ['entity.name.section', '#569cd6'],
  ['markup.heading', '#569cd6'], ['entity.other.attribute-name', '#9cdcfe'], ['variable', '#9cdcfe'],
  ['support.type.property-name', '#9cdcfe'], ['keyword', '#569cd6'], ['keyword.control', '#c586c0'],
  ['keyword.operator', '#d4d4d4'], ['storage', '#569cd6'], ['invalid', '#f44747'], ['markup.inserted', '#b5cea8'],
  ['markup.deleted', '#ce9178'], ['punctuation.definition.tag', '#808080'],
];

function colourOf(scopes: readonly string[]): string {
  for (let i = scopes.length - 1; i >= 0; i--) {
    let best: [string, string] | undefined;
    for (const rule of THEME) {
      if ((scopes[i] === rule[0] || scopes[i].startsWith(`${rule[0]}.`)) && (!best || rule[0].length > best[0].length)) best = rule;
    }
    if (best) return best[1];
  }
  return FOREGROUND;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One row of code: its tokens from `from` to `to` of the line, drawn from column `indent`. */
interface Row {
  line: LineTokens;
  from: number;
  to: number;
  indent: number;
  /** The line number shown in the gutter (none on a wrapped continuation). */
  number?: number;
}

function drawRow(row: Row, x: number, y: number): string {
  const spans: string[] = [];
  for (const token of row.line.tokens) {
    const start = Math.max(token.startIndex, row.from);
    const end = Math.min(token.endIndex, row.to);
    if (end <= start) continue;
    const text = row.line.text.slice(start, end);
    if (text.trim() === '') continue;
    const column = row.indent + start - row.from;
    spans.push(`<tspan x="${(x + column * CHAR).toFixed(1)}" fill="${colourOf(token.scopes)}">${escape(text)}</tspan>`);
  }
  const number = row.number === undefined ? '' : `<text x="${x - 10}" y="${y}" text-anchor="end" fill="#6e7681" ${MONO}>${row.number}</text>`;
  return `${number}<text y="${y}" xml:space="preserve" ${MONO}>${spans.join('')}</text>`;
}

/** The rows of `lines` wrapped at `width` columns at a space, continuations at the line's indentation (editor.wordWrap on). */
function wrap(lines: LineTokens[], firstNumber: number, width: number): Row[] {
  const rows: Row[] = [];
  lines.forEach((line, i) => {
    const indent = /^ */.exec(line.text)![0].length;
    let from = 0;
    let column = 0;
    do {
      const room = Math.max(width - column, 20);
      let to = line.text.length;
      if (to - from > room) {
        const space = line.text.lastIndexOf(' ', from + room);
        to = space > from ? space + 1 : from + room;
      }
      rows.push({ line, from, to, indent: column, ...(from === 0 ? { number: firstNumber + i } : {}) });
      from = to;
      column = indent;
    } while (from < line.text.length);
  });
  return rows;
}

function window(width: number, height: number, tab: string, body: string, label: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(label)}">`,
    `<rect width="${width}" height="${height}" rx="6" fill="${BACKGROUND}"/>`,
    `<path d="M0 6a6 6 0 0 1 6-6h${width - 12}a6 6 0 0 1 6 6v${TAB_BAR - 6}h-${width}z" fill="#181818"/>`,
    `<rect x="0" y="0" width="${Math.round(tab.length * 7 + 40)}" height="${TAB_BAR}" fill="${BACKGROUND}"/>`,
    `<rect x="0" y="${TAB_BAR - 2}" width="${Math.round(tab.length * 7 + 40)}" height="2" fill="#0078d4"/>`,
    `<text x="20" y="19" fill="#ffffff" ${SANS}>${escape(tab)}</text>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

/** A wavy underline from column `start` to `end` of the row at `y`. */
function squiggle(x: number, y: number, start: number, end: number, colour: string): string {
  const from = x + start * CHAR;
  const to = x + Math.max(end, start + 1) * CHAR;
  let d = `M${from.toFixed(1)} ${y + 4}`;
  for (let at = from, up = true; at < to; at += 2, up = !up) d += ` L${Math.min(at + 2, to).toFixed(1)} ${up ? y + 2 : y + 4}`;
  return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="1"/>`;
}

async function grammars(): Promise<{ yaml: tm.IGrammar; preview: tm.IGrammar }> {
  await loadOniguruma();
  const registry = createRegistry(true);
  const yaml = await registry.loadGrammar('source.yaml');
  const preview = await registry.loadGrammar('text.preview.mcroutes');
  if (!yaml || !preview) throw new Error('the YAML and preview grammars do not load');
  return { yaml, preview };
}

/** The example's units block, highlighted. */
function openExample(seed: string, yaml: tm.IGrammar): Picture {
  const lines = tokenizeLines(yaml, seed.split('\n')).slice(19, 33);
  const rows = wrap(lines, 20, 200);
  const x = PAD + GUTTER * CHAR + 10;
  const body = rows.map((row, i) => drawRow(row, x, TAB_BAR + PAD + (i + 1) * LINE - 5)).join('\n');
  return {
    file: 'media/open-example.svg',
    svg: window(widthFor(x, lines), TAB_BAR + 2 * PAD + rows.length * LINE, 'seed-route.yaml', body, 'The example\'s systemd unit inside the YAML, highlighted: sections, directives, the nmcli command and its route'),
  };
}

/** The example with its findings underlined, and the hover of one of them. */
function findings(seed: string, yaml: tm.IGrammar): Picture {
  const first = 15;
  const last = 31;
  const lines = tokenizeLines(yaml, seed.split('\n')).slice(first - 1, last);
  const index = new LineIndex(seed);
  const x = PAD + GUTTER * CHAR + 10;
  const rowY = (line: number) => TAB_BAR + PAD + (line - first + 1) * LINE - 5;
  const problems = lintText(seed, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint');
  const parts = lines.map((line, i) => drawRow({ line, from: 0, to: line.text.length, indent: 0, number: first + i }, x, rowY(first + i)));
  for (const problem of problems) {
    const start = index.positionAt(problem.start);
    const end = index.positionAt(problem.end);
    if (start.line + 1 < first || start.line + 1 > last) continue;
    const to = end.line === start.line ? end.character : lines[start.line + 1 - first].text.length;
    parts.push(squiggle(x, rowY(start.line + 1), start.character, to, SEVERITY_COLOURS[problem.severity]));
  }
  // The hover of the finding on After=network-online.target, above its line as VS Code shows it when there is room.
  const shown = problems.find((p) => p.code === 'unit-network-online');
  if (!shown) throw new Error('the example has no unit-network-online finding');
  const at = index.positionAt(shown.start);
  const hoverX = x + at.character * CHAR;
  const words = wrapWords(shown.message, 62);
  const height = (words.length + 2) * 18 + 12;
  const hoverY = rowY(at.line + 1) - LINE + 2 - height;
  parts.push(`<rect x="${hoverX}" y="${hoverY}" width="${62 * 7 + 24}" height="${height}" rx="3" fill="#202020" stroke="#454545"/>`);
  words.forEach((text, i) => parts.push(`<text x="${hoverX + 12}" y="${hoverY + 22 + i * 18}" fill="${FOREGROUND}" ${SANS}>${escape(text)}</text>`));
  parts.push(`<text x="${hoverX + 12}" y="${hoverY + 22 + words.length * 18 + 6}" fill="#3794ff" ${SANS}>mcroutes(${shown.code})</text>`);
  return {
    file: 'media/findings.svg',
    svg: window(widthFor(x, lines), TAB_BAR + 2 * PAD + lines.length * LINE, 'seed-route.yaml', parts.join('\n'),
      'The example with its findings underlined, and the hover of the finding on After=network-online.target'),
  };
}

/** Wide enough for the longest line. */
function widthFor(x: number, lines: LineTokens[]): number {
  return Math.ceil(x + Math.max(...lines.map((l) => l.text.length)) * CHAR + PAD);
}

function wrapWords(text: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    if (row && row.length + 1 + word.length > width) {
      rows.push(row);
      row = word;
    } else row = row ? `${row} ${word}` : word;
  }
  if (row) rows.push(row);
  return rows;
}

/** The wizard's destination question, answered with host bits set: the verdict and the network address offered. */
function wizard(): Picture {
  const answer = '192.168.1.5/24';
  const verdict = checkWizardInput('destination', answer, { role: 'worker', method: 'nmcli-unit' }, DEFAULT_SETTINGS);
  if (verdict.ok || !verdict.message || verdict.suggestion === undefined) throw new Error(`the wizard took ${answer}: ${JSON.stringify(verdict)}`);
  // The questions as the wizard shows them: "another route?" after the metric.
  const shown = stepsFor({ role: 'worker', method: 'nmcli-unit' }).flatMap((step) => (step === 'metric' ? ['metric', 'more'] : [step]));
  const step = `${shown.indexOf('destination') + 1}/${shown.length}`;
  const width = 620;
  const message = wrapWords(`${verdict.message} Press Enter to use ${verdict.suggestion}.`, 80);
  const parts = [
    `<rect x="0" y="0" width="${width}" height="${TAB_BAR}" rx="6" fill="#252526"/>`,
    `<text x="14" y="20" fill="${FOREGROUND}" font-size="15" font-family="sans-serif">&#8592;</text>`,
    `<text x="${width / 2}" y="19" text-anchor="middle" fill="${FOREGROUND}" ${SANS}>New Static Route  ${step}</text>`,
    `<circle cx="${width - 22}" cy="14" r="5" fill="none" stroke="#cca700" stroke-width="1.5"/>`,
    `<rect x="10" y="${TAB_BAR + 8}" width="${width - 20}" height="26" fill="#313131" stroke="#cca700"/>`,
    `<text x="18" y="${TAB_BAR + 26}" fill="${FOREGROUND}" ${MONO}>${escape(answer)}</text>`,
    `<rect x="10" y="${TAB_BAR + 34}" width="${width - 20}" height="${message.length * 17 + 10}" fill="#352a05" stroke="#cca700"/>`,
    ...message.map((text, i) => `<text x="18" y="${TAB_BAR + 51 + i * 17}" fill="${FOREGROUND}" ${SANS}>${escape(text)}</text>`),
    `<text x="14" y="${TAB_BAR + 62 + message.length * 17}" fill="#9d9d9d" ${SANS}>Destination network (address/prefix), IPv4 or IPv6 (Press 'Enter' to confirm or 'Escape' to cancel)</text>`,
  ];
  const height = TAB_BAR + 74 + message.length * 17;
  return {
    file: 'media/wizard.svg',
    svg: [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="The wizard at its destination step: ${escape(answer)} has host bits set and the network address is offered">`,
      `<rect width="${width}" height="${height}" rx="6" fill="#252526" stroke="#454545"/>`,
      ...parts,
      '</svg>',
      '',
    ].join('\n'),
  };
}

/** The unit preview of the example, highlighted and wrapped, as its tab shows it. */
function preview(seed: string, grammar: tm.IGrammar): Picture {
  const result = lintText(seed, DEFAULT_SETTINGS);
  const text = renderPreview(result.parsed, DEFAULT_SETTINGS, result.problems, { unitName: 'nmcli-dev-modify.service' }, 'seed-route.yaml');
  const lines = tokenizeLines(grammar, text.replace(/\n$/, '').split('\n'));
  const rows = wrap(lines, 1, 86);
  const x = PAD + 3 * CHAR + 10;
  const body = rows.map((row, i) => drawRow(row, x, TAB_BAR + PAD + (i + 1) * LINE - 5)).join('\n');
  return {
    file: 'media/preview.svg',
    svg: window(x + 86 * CHAR + PAD, TAB_BAR + 2 * PAD + rows.length * LINE, 'Preview: nmcli-dev-modify.service', body,
      'The preview of the example\'s unit: its text as the node has it, ExecStart split into arguments, the ip route line it should produce and its problems, long lines wrapped'),
  };
}

export async function walkthroughPictures(): Promise<Picture[]> {
  const seed = fs.readFileSync(path.join(ROOT, SEED_FILE), 'utf8');
  const { yaml, preview: previewGrammar } = await grammars();
  return [openExample(seed, yaml), findings(seed, yaml), wizard(), preview(seed, previewGrammar)];
}
