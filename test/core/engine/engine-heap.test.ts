// The engines' heap: a share of the machine, within bounds (issue 14: each could grow to 6 GB).
import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { engineHeapMb, maxEngineHeapMb, minEngineHeapMb } from '../../../main/core/engine/engine-heap.js';

const GiB = 2 ** 30;

describe('engineHeapMb', () => {
  it.each([
    [2, 16 * GiB, 4096],
    [1, 64 * GiB, maxEngineHeapMb],
    [4, 8 * GiB, 1024],
    [3, 24 * GiB, 4096],
    [4, 24 * GiB, 3072],
    [8, 4 * GiB, minEngineHeapMb],
    [0, 4 * GiB, 2048],
  ])('gives each of %i engines on a machine of %i bytes %i MB', (engines, total, mb) => {
    expect(engineHeapMb(engines, total)).toBe(mb);
  });

  it('keeps all engines within half of this machine, unless that is below the floor', () => {
    const engines = 4;
    const mb = engineHeapMb(engines);
    expect(mb).toBeLessThanOrEqual(maxEngineHeapMb);
    expect(mb === minEngineHeapMb || mb * engines * 2 ** 20 <= totalmem() / 2).toBe(true);
  });
});
