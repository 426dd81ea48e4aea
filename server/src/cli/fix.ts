/** `mcroutes lint --fix`: the safe quick fixes, applied until none applies, written atomically. */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, safeFixEdits } from '../core/text/edits';
import { lintText } from '../core/analysis/lint';
import type { Settings } from '../core/text/settings';

export const MAX_PASSES = 10;

export interface Fixed {
  text: string;
  /** One entry per fix applied: the rule id and the fix's title. */
  applied: { code: string; title: string }[];
}

/** Applies the safe fixes pass after pass (a fix can reveal another), at most MAX_PASSES. */
export function fixText(text: string, settings: Settings): Fixed {
  const applied: Fixed['applied'] = [];
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { problems } = lintText(current, settings);
    const { edits, applied: chosen } = safeFixEdits(problems);
    if (edits.length === 0) break;
    for (const { problem, fix } of chosen) applied.push({ code: problem.code, title: fix.title });
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, applied };
}

/**
 * Replaces file with text so that no reader ever sees half of it: a temporary file in the
 * same directory (same file system), written and fsynced, then renamed over the original.
 * The original's mode is kept. On failure the temporary file is removed and the original
 * is untouched.
 */
export function writeAtomically(file: string, text: string): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.mcroutes-${process.pid}-${Date.now().toString(36)}.tmp`);
  const mode = statSync(file).mode & 0o7777;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    const buffer = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    throw error;
  }
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Not every platform lets a directory be fsynced; the rename is done either way.
  }
}
