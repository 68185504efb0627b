// How the benchmark writes its numbers: times, sizes and ratios ('-' for one not measured).

export function fmtMs(ms) {
  if (ms === null || ms === undefined) return '-';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtMb(mb) {
  if (mb === null || mb === undefined) return '-';
  return mb >= 1000 ? `${(mb / 1000).toFixed(2)} GB` : `${Math.round(mb)} MB`;
}

export function fmtRatio(x) {
  return x === null || x === undefined ? '-' : `${x.toFixed(2)}x`;
}
