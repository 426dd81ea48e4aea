/**
 * `mcroutes/serverInfo`: which server process answers (its pid, version, Node and its flags), for the
 * client's restart handling and its tests, and what it has cost (CPU time, busy time, peak memory),
 * which `npm run bench` reads around a keystroke; `mcroutes/ruleIds`, the catalogue's rule ids for
 * the client's "Show Rule Documentation" pick. And, for tests only, `mcroutes/debug/gc`: a
 * garbage collection and the memory after it — registered only when the server runs with
 * `MCROUTES_DEBUG_GC=1` and `node --expose-gc` (test/protocol/hostile.test.ts does), never
 * in the extension.
 */
import type { Connection } from 'vscode-languageserver/node';
import { RULE_IDS } from '../core/text/problem';
import { Methods, type DebugGcResult, type RuleIdsResult, type ServerInfoResult } from '../protocol';
import { guard, type Logger } from './guard';

export const DEBUG_GC_METHOD = 'mcroutes/debug/gc';

export function registerServerInfoRequests(connection: Connection, version: string, log: Logger): void {
  connection.onRequest(Methods.serverInfo, guard(log, Methods.serverInfo, (): ServerInfoResult => {
    const { user, system } = process.cpuUsage();
    return {
      pid: process.pid,
      version,
      node: process.version,
      execArgv: [...process.execArgv],
      cpuMicros: user + system,
      busyMs: performance.eventLoopUtilization().active,
      // maxRSS is in kilobytes.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  }));

  connection.onRequest(Methods.ruleIds, guard(log, Methods.ruleIds, (): RuleIdsResult => ({ ids: [...RULE_IDS] })));

  const gc = (globalThis as { gc?: () => void }).gc;
  if (process.env.MCROUTES_DEBUG_GC === '1' && typeof gc === 'function') {
    connection.onRequest(DEBUG_GC_METHOD, guard(log, DEBUG_GC_METHOD, (): DebugGcResult => {
      gc();
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      return { rss, heapUsed, heapTotal, external, arrayBuffers };
    }));
  }
}
