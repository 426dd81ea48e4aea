/**
 * Where a rule id links to (a diagnostic's `codeDescription`, the hover's link): the rule's
 * section of docs/rules.md.
 * - A client that says it runs SHOW_RULE_DOCS_COMMAND (the VS Code client: it opens the
 *   copy packaged in the extension in the Markdown preview) gets a `command:` link. VS Code
 *   runs it from the Problems panel and from a hover that trusts the command.
 * - Any other client gets the docs/rules.md beside the server bundle as a `file:` URI with
 *   the rule id as fragment (the heading `## <id>`), when that file exists.
 * Each link is built once per rule id: a file can carry thousands of findings.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeDescription } from 'vscode-languageserver/node';
import type { RuleDocsLink } from '../core/ide/hoverFindings';
import { SHOW_RULE_DOCS_COMMAND } from '../protocol';

/** The docs/rules.md beside the server bundle (dist/server.js → docs/rules.md) as a `file:` URL; undefined when it is not there. */
export function packagedRuleDocs(serverDir: string): string | undefined {
  const file = path.resolve(serverDir, '..', 'docs', 'rules.md');
  if (!existsSync(file)) return undefined;
  // Parentheses would end a Markdown link's target.
  return pathToFileURL(file).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `command:mcroutes.showRuleDocs?["<id>"]`, its argument list encoded as VS Code reads it. */
export function ruleDocsCommandLink(id: string): string {
  return `command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}`;
}

export class RuleLinks {
  private readonly descriptions = new Map<string, CodeDescription | undefined>();

  /** No links at all: a client that neither runs the command nor has the file beside the server. */
  static readonly NONE = new RuleLinks(() => undefined);

  /** By command when the client runs it, else to `docsUrl#<id>`, else none. */
  static for(client: { runsCommand: boolean; docsUrl?: string }): RuleLinks {
    if (client.runsCommand) return new RuleLinks(ruleDocsCommandLink);
    const docsUrl = client.docsUrl;
    return docsUrl === undefined ? RuleLinks.NONE : new RuleLinks((id) => `${docsUrl}#${encodeURIComponent(id)}`);
  }

  private constructor(private readonly build: (id: string) => string | undefined) {}

  /** The link of one rule id (one Map lookup after the first). */
  readonly href: RuleDocsLink = (id) => this.codeDescription(id)?.href;

  /** The `codeDescription` of a diagnostic of rule `id`: one object per rule id, shared by its diagnostics. */
  codeDescription(id: string): CodeDescription | undefined {
    if (this.descriptions.has(id)) return this.descriptions.get(id);
    const href = this.build(id);
    const description = href === undefined ? undefined : { href };
    this.descriptions.set(id, description);
    return description;
  }
}
