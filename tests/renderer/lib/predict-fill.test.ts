/** Filling the Predict form from a dataset row (by feature name) or a pasted CSV row (delimiter, trailing label, field count). */
import { describe, expect, it } from 'vitest';
import { fromDatasetRow, fromPastedRow } from '../../../src/renderer/src/lib/predict-fill';

describe('fromDatasetRow', () => {
  it('takes the model features by name, in the model order', () => {
    expect(fromDatasetRow(['b', 'a'], { featureNames: ['a', 'b', 'c'], values: [1, 2.5, 3] })).toEqual(['2.5', '1']);
  });

  it('names the features the dataset lacks', () => {
    expect(fromDatasetRow(['a', 'z'], { featureNames: ['a'], values: [1] })).toEqual({ missing: ['z'] });
  });
});

describe('fromPastedRow', () => {
  it('splits on comma, semicolon or tab and drops surrounding quotes', () => {
    expect(fromPastedRow(' 1, "2" ,3 ', 3)).toEqual(['1', '2', '3']);
    expect(fromPastedRow('1,5;2,5', 2)).toEqual(['1,5', '2,5']);
    expect(fromPastedRow('1\t2', 2)).toEqual(['1', '2']);
  });

  it('leaves out one trailing field (a label) and reports any other count', () => {
    expect(fromPastedRow('1,2,setosa', 2)).toEqual(['1', '2']);
    expect(fromPastedRow('1,2,3,4', 2)).toEqual({ fields: 4 });
    expect(fromPastedRow('', 2)).toEqual({ fields: 0 });
  });
});
