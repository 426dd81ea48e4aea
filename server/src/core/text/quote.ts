/**
 * A value as a finding's message quotes it. Messages fit one line of the Problems panel
 * (about 120 characters), so a long value (a whole Exec line, a base64 blob) is cut in
 * the middle of nothing the reader needs: its start, then an ellipsis.
 */
export function quoted(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
