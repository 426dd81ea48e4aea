/**
 * Unrendered template placeholders: values meant to be filled in by a person or a
 * template engine before the manifest is applied, shipped as they are.
 */
export interface PlaceholderMatch {
  index: number;
  text: string;
  kind: 'angle' | 'template' | 'variable';
}

/** `<base64_encoded_config>`, `<your interface>`, `<cluster.domain>`: words in angle brackets. */
const ANGLE = /<[A-Za-z_][A-Za-z0-9_-]*(?:[ .][A-Za-z0-9_-]+)*>/g;
/** `{{ .Values.role }}`, `{{role}}`: Go, Helm, Jinja templates. */
const TEMPLATE = /\{\{[^{}\n]*\}\}/g;
/** `${NODE_ROLE}` or `$NODE_ROLE`. */
const VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * A `{{…}}` that is an argument of a format option in a command (`podman ps --format
 * '{{.Names}}'`, `oc get -o go-template='{{…}}'`) is the program's own template, not ours.
 */
const FORMAT_OPTION_BEFORE = /(?:--format|--template|-f|-o|go-template|template)[= ]?['"]?[^'"\s]*$/;

function collect(value: string, pattern: RegExp, kind: PlaceholderMatch['kind']): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) found.push({ index: m.index, text: m[0], kind });
  return found;
}

/**
 * Angle-bracket and `{{ }}` placeholders, which are placeholders wherever they stand.
 * `commandText` marks unit or script text, where a `{{…}}` after a format option is legitimate.
 */
export function templatePlaceholders(value: string, commandText = false): PlaceholderMatch[] {
  if (!value.includes('<') && !value.includes('{{')) return [];
  const templates = collect(value, TEMPLATE, 'template').filter((m) => {
    if (!commandText) return true;
    const lineStart = value.lastIndexOf('\n', m.index - 1) + 1;
    return !FORMAT_OPTION_BEFORE.test(value.slice(lineStart, m.index));
  });
  return [...collect(value, ANGLE, 'angle'), ...templates];
}

/** `${VAR}` and `$VAR`: placeholders in names, labels and paths (never in unit text or scripts, where they are systemd's or the shell's). */
export function variablePlaceholders(value: string): PlaceholderMatch[] {
  return value.includes('$') ? collect(value, VARIABLE, 'variable') : [];
}

/** A value that is nothing but a variable, e.g. the payload of `data:;base64,${CONFIG}`. */
export function isWholeVariable(value: string): boolean {
  return /^\s*(\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*)\s*$/.test(value);
}

/** Whether a name, label or path holds a placeholder of any kind: other rules stay silent, `placeholder` speaks. */
export function hasPlaceholder(value: string): boolean {
  return templatePlaceholders(value).length > 0 || variablePlaceholders(value).length > 0;
}
