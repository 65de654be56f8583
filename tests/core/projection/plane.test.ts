import { describe, expect, it } from 'vitest';
import { featurePlane, liftPoint, pcaPlane, projectRow } from '../../../src/core/projection/plane';

// 4 rows × 3 features: means 2, 20, 200.
const x = [1, 10, 100, 3, 30, 300, 2, 25, 150, 2, 15, 250];

describe('featurePlane', () => {
  it('shows features i and j as they are and holds the others at their mean', () => {
    const plane = featurePlane(x, 4, 3, 0, 2);
    expect(projectRow(plane, [3, 99, 300])).toEqual([3, 300]);
    const out = new Float64Array(3);
    liftPoint(plane, 7, -1, out);
    expect(Array.from(out)).toEqual([7, 20, -1]);
  });

  it('rejects a feature that does not exist or the same feature twice', () => {
    expect(() => featurePlane(x, 4, 3, 0, 3)).toThrow(/feature 3 is not one of the 3 features/);
    expect(() => featurePlane(x, 4, 3, 1, 1)).toThrow(/must differ/);
  });
});

describe('pcaPlane', () => {
  it('goes through the mean; lifting a row’s coordinates gives back a row that lies on the plane', () => {
    const line = [0, 0, 1, 1, 2, 2, 3, 3.5];
    const { plane, explained } = pcaPlane(line, 4, 2);
    expect(Array.from(plane.origin)).toEqual([1.5, 1.625]);
    expect(explained[0] + explained[1]).toBeCloseTo(1, 12);
    expect(explained[0]).toBeGreaterThan(0.99);
    const [a, b] = projectRow(plane, [3, 3.5]);
    const out = new Float64Array(2);
    liftPoint(plane, a, b, out);
    expect(out[0]).toBeCloseTo(3, 12);
    expect(out[1]).toBeCloseTo(3.5, 12);
  });

  it('needs two features', () => {
    expect(() => pcaPlane([1, 2], 2, 1)).toThrow(/at least 2 features, got 1/);
  });
});
