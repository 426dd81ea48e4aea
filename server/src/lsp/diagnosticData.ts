/** What diagnostics and code actions share: the diagnostics' source and the data a diagnostic carries. */
import type { Fix, Problem } from '../core/text/problem';

export const DIAGNOSTIC_SOURCE = 'mcroutes';

/** What a diagnostic carries in `data` so that its fixes need no re-analysis and no message parsing. */
export interface DiagnosticData {
  /** The document version the offsets of `fixes` refer to. */
  version: number;
  fixes?: Fix[];
  [key: string]: unknown;
}

/** Nothing when the finding has neither data nor fixes: every diagnostic is re-sent on each edit, so bytes count. */
export function diagnosticData(problem: Problem, version: number): DiagnosticData | undefined {
  if (!problem.data && !problem.fixes) return undefined;
  return { ...problem.data, version, ...(problem.fixes ? { fixes: problem.fixes } : {}) };
}
