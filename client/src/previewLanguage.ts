/**
 * The language of the preview documents (unit preview, pool preview): `mcroutes-preview`,
 * highlighted by syntaxes/mcroutes-preview.tmLanguage.json and wrapped by the
 * configurationDefaults of package.json. A preview's name ends like the unit or file it
 * shows (`Preview: 99-worker-route.service`), so VS Code would guess a language from it (or
 * another extension's, for `.service` or `.sh`): the language is set on the document instead,
 * when it is opened and whenever VS Code opens it again (a tab restored after a reload).
 */
import * as vscode from 'vscode';

export const PREVIEW_LANGUAGE = 'mcroutes-preview';

/** The tab title of a preview: `Preview: <what it shows>`. */
export function previewTitle(what: string): string {
  return `Preview: ${what}`;
}

/** The preview documents (by their schemes) get the preview language, whatever VS Code guessed from their names. */
export class PreviewLanguage implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  /** Documents whose language is being set: setting it closes and reopens the document, which must not start another. */
  private readonly pending = new Map<string, Promise<vscode.TextDocument>>();

  constructor(private readonly schemes: readonly string[]) {
    this.subscription = vscode.workspace.onDidOpenTextDocument((document) => void this.apply(document));
    for (const document of vscode.workspace.textDocuments) void this.apply(document);
  }

  /** The document with the preview language (the same document when it has it, or is no preview). */
  apply(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    if (!this.schemes.includes(document.uri.scheme) || document.languageId === PREVIEW_LANGUAGE) return Promise.resolve(document);
    const key = document.uri.toString();
    let setting = this.pending.get(key);
    if (!setting) {
      setting = Promise.resolve(vscode.languages.setTextDocumentLanguage(document, PREVIEW_LANGUAGE))
        // A document closed meanwhile keeps its language; the preview still shows as text.
        .catch(() => document)
        .finally(() => this.pending.delete(key));
      this.pending.set(key, setting);
    }
    return setting;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
