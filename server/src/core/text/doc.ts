/**
 * One piece of hover documentation, written as data. Every documentation table
 * (MachineConfig keys, systemd, nmcli) holds these; `renderDoc` turns one into the
 * Markdown a hover shows: a bold title line, one or two plain sentences, then a small
 * table of values and a few bullets.
 */
export interface Doc {
  /** The bold first line, e.g. "`metadata.name` — the config's name". */
  title: string;
  /** One or two plain sentences: what it is and what it does. */
  summary: string;
  /** Values and their meaning, shown as a two-column table. */
  values?: readonly DocValue[];
  /** The heading of the table's first column (default "Value"). */
  valuesHeading?: string;
  /** Further facts, one bullet each. */
  details?: readonly string[];
  /** What the Machine Config Operator (or the node) does with it: one bullet, led by "On the cluster:". */
  cluster?: string;
  /** Where the facts come from (man page, API type, MCO docs), shown small at the end. */
  source?: string;
}

export interface DocValue {
  value: string;
  meaning: string;
}

/** Shorthand for a value table: `values(['oneshot', 'runs once'], …)`. */
export function values(...rows: [string, string][]): DocValue[] {
  return rows.map(([value, meaning]) => ({ value, meaning }));
}

export interface RenderOptions {
  /** Paragraphs placed right after the summary (computed facts about the hovered text). */
  facts?: readonly string[];
  /** The value row to mark as the one in the file. */
  current?: string;
  /** Paragraphs placed at the end (e.g. an `ip route` line). */
  after?: readonly string[];
  /** Replaces the title (e.g. "`Type=oneshot`" when the hover is on a value). */
  title?: string;
  /** Replaces the summary. */
  summary?: string;
}

/** The Markdown of a hover. */
export function renderDoc(doc: Doc, options: RenderOptions = {}): string {
  const blocks: string[] = [`**${options.title ?? doc.title}**`, options.summary ?? doc.summary];
  if (options.facts?.length) blocks.push(...options.facts);
  if (doc.values?.length) blocks.push(valueTable(doc.values, options.current, doc.valuesHeading));
  const bullets = [...(doc.details ?? []), ...(doc.cluster ? [`On the cluster: ${doc.cluster}`] : [])];
  if (bullets.length) blocks.push(bulletList(bullets));
  if (options.after?.length) blocks.push(...options.after);
  if (doc.source) blocks.push(`_Source: ${doc.source}_`);
  return blocks.filter((b) => b.trim().length > 0).join('\n\n');
}

/** A `| Value | Meaning |` table; the current value is marked. */
export function valueTable(rows: readonly DocValue[], current?: string, heading = 'Value'): string {
  const lines = [`| ${heading} | Meaning |`, '|---|---|'];
  for (const row of rows) {
    const mark = current !== undefined && row.value === current ? ' ◀ here' : '';
    lines.push(`| ${code(row.value)}${mark} | ${cell(row.meaning)} |`);
  }
  return lines.join('\n');
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** `text` as inline code, with a fence long enough for backquotes inside it. */
export function code(text: string): string {
  if (text === '') return '`""`';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Text for a table cell: no line breaks, no bare `|`. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
