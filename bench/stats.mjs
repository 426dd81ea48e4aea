// Timing helpers: medians and percentiles of repeated runs (warm-up runs excluded).
import { performance } from 'node:perf_hooks';

export function time(fn, { runs = 30, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summary(samples);
}

/**
 * Two functions timed in alternation, after warm-up runs of both: a ratio of their medians
 * that a machine changing speed during the run (other load, frequency scaling) moves less.
 */
export function paired(a, b, { runs = 30, warmup = runs } = {}) {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    as.push(performance.now() - t0);
    t0 = performance.now();
    b();
    bs.push(performance.now() - t0);
  }
  return [summary(as), summary(bs)];
}

export function once(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), n: samples.length };
}

export const ms = (v) => (v === undefined ? '-' : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
