/**
 * The section of docs/rules.md for one rule id: from its `## id` heading to the next
 * `## ` heading. The docs are the single source of the explanation shown on hover.
 */
export function ruleSection(markdown: string, id: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${id}`);
  if (start < 0) return undefined;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^##? /.test(lines[i]) || lines[i].trim() === '---') {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n').trim();
}
