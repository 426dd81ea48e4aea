/**
 * Zero-based line/character (UTF-16) for an offset, as LSP and the CLI need them: yaml's
 * LineCounter (the binary search its parser uses) fed with the starts of lines. A line
 * ends at \n, \r\n or a lone \r, as in LSP (yaml's parser itself counts only \n).
 */
import { LineCounter } from 'yaml';

export interface LineCharacter {
  line: number;
  character: number;
}

const LINE_BREAK = /\r\n?|\n/g;

export class LineIndex {
  private readonly lines = new LineCounter();

  constructor(text: string) {
    this.lines.addNewLine(0);
    for (const m of text.matchAll(LINE_BREAK)) this.lines.addNewLine(m.index + m[0].length);
  }

  positionAt(offset: number): LineCharacter {
    const { line, col } = this.lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  }
}
