/**
 * Simple globs for `mcroutes lint`: `*` (any characters but `/`), `**` (any number of
 * directories), `?` (one character but `/`). Everything else is literal.
 */
export const GLOB_CHARS = /[*?]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The longest leading run of path segments without glob characters ('.' when none). */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlob(segment)) break;
    base.push(segment);
  }
  if (base.length === 0) return '.';
  const joined = base.join('/');
  return joined === '' ? '/' : joined;
}

/** A regular expression matching whole '/'-separated paths written like the pattern. */
export function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:[^/]*/)*'; // `**/`: zero or more directories
      } else {
        source += '.*';
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
