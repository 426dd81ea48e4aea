/** Helpers for LSP snippet text (TextMate syntax: `$1`, `${1:default}`, `${1|a,b|}`, `$0`). */

/** Literal text inside a snippet: `$`, `}` and `\` escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The options of a `${n|…|}` choice: `,`, `|`, `$`, `}` and `\` escaped. */
export function choice(values: readonly string[]): string {
  return values.map((v) => v.replace(/[\\,|$}]/g, '\\$&')).join(',');
}

/** `items` with those in `first` leading (in that order), the rest alphabetically. */
export function order(items: readonly string[], first: readonly string[]): string[] {
  const rank = new Map(first.map((item, i) => [item, i]));
  return [...items].sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    if (ra !== rb) return ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
