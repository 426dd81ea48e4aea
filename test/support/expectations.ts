import type { Problem } from '../../server/src/core/text/problem';

export interface ExpectedFinding {
  code: string;
  severity: string;
  start: number;
  end: number;
}

const EXPECT = /^#\s*expect:\s*(.*)$/;
const FINDING = /^([a-z0-9-]+)\s+(error|warning|info|hint)\s+"((?:[^"\\]|\\.)*)"(?:#(\d+))?\s*$/;

/**
 * Reads `# expect:` comments from a fixture. `# expect: CODE SEVERITY "TEXT"#N` means a
 * finding whose range is exactly the N-th (default first) occurrence of TEXT after the
 * comment; `# expect: nothing` means a clean file. Expectations live next to the YAML
 * they speak of, so a fixture reads like the finding it asserts.
 */
export function readExpectations(text: string): ExpectedFinding[] | undefined {
  const expected: ExpectedFinding[] = [];
  let sawAny = false;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length + 1;
    const match = EXPECT.exec(line.trimEnd());
    if (match) {
      sawAny = true;
      const body = match[1].trim();
      if (body !== 'nothing') {
        const finding = FINDING.exec(body);
        if (!finding) throw new Error(`unreadable expectation: ${line}`);
        const needle = JSON.parse(`"${finding[3]}"`) as string;
        let at = lineEnd - 1;
        for (let n = 0; n <= Number(finding[4] ?? 0); n++) {
          at = text.indexOf(needle, at + 1);
          if (at < 0) throw new Error(`expectation text ${JSON.stringify(needle)} not found after: ${line}`);
        }
        expected.push({ code: finding[1], severity: finding[2], start: at, end: at + needle.length });
      }
    }
    lineStart = lineEnd;
  }
  return sawAny ? expected : undefined;
}

/** Problems in the same shape, for deepEqual against expectations. */
export function asFindings(problems: Problem[]): ExpectedFinding[] {
  return problems.map(({ code, severity, start, end }) => ({ code, severity, start, end }));
}

export function sortFindings(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** A finding as a person reads it, for failure messages. */
export function describeFinding(text: string, f: ExpectedFinding): string {
  const before = text.slice(0, f.start).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1} ${f.severity} ${f.code} ${JSON.stringify(text.slice(f.start, f.end))}`;
}
