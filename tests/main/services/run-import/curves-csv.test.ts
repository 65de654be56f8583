/** The curves of an exported train.py read strictly: good files give the points, each bad cell is named by file, row, column and value. */
import { describe, expect, it } from 'vitest';
import { parseEpochs, parseLosses } from '../../../../src/main/services/run-import/curves-csv';
import { RunImportError } from '../../../../src/main/services/run-import/run-import-error';

const EPOCHS_HEAD = 'epoch,iteration,train_loss,train_accuracy,validation_loss,validation_accuracy';
const TIMED_HEAD = `${EPOCHS_HEAD},train_seconds,samples`;

/** The problem a parse throws (its params), or a failure when it does not throw a RunImportError. */
function problem(parse: () => unknown): Record<string, unknown> {
  try {
    parse();
  } catch (error) {
    if (error instanceof RunImportError) return { ...error.params, message: error.message };
    throw error;
  }
  throw new Error('expected a RunImportError');
}

describe('parseLosses', () => {
  it('reads iteration,loss rows as points (a BOM, CRLF and Python nan are fine)', () => {
    const text = '\uFEFFiteration,loss\r\n1,2.25\r\n2,1.5e-1\r\n3,nan\r\n';
    const points = parseLosses('losses.csv', text);
    expect(points.slice(0, 2)).toEqual([
      [1, 2.25],
      [2, 0.15],
    ]);
    expect(points[2][0]).toBe(3);
    expect(Number.isNaN(points[2][1])).toBe(true);
  });

  it.each([
    ['iter,loss\n1,2\n', { row: 1, column: '', value: 'iter,loss', expected: 'the header iteration,loss' }],
    ['iteration,loss\n1,2\n2,abc\n', { row: 3, column: 'loss', value: 'abc', expected: 'a number (or nan/inf)' }],
    ['iteration,loss\n1,0x1A\n', { row: 2, column: 'loss', value: '0x1A', expected: 'a number (or nan/inf)' }],
    ['iteration,loss\n1,\n', { row: 2, column: 'loss', value: '', expected: 'a number (or nan/inf)' }],
    ['iteration,loss\n1.5,2\n', { row: 2, column: 'iteration', value: '1.5', expected: 'an integer ≥ 1' }],
    ['iteration,loss\n2,1\n2,1\n', { row: 3, column: 'iteration', value: '2', expected: 'an iteration after 2' }],
    ['iteration,loss\n1,2,3\n', { row: 2, column: '', value: '1,2,3', expected: '2 cells' }],
    ['iteration,loss\n', { row: '', column: '', value: '', expected: 'at least one loss row' }],
  ])('refuses %j naming the cell', (text, expected) => {
    expect(problem(() => parseLosses('losses.csv', text))).toMatchObject({ file: 'losses.csv', ...expected });
  });

  it('says where in its message (file, row, column, value, expected)', () => {
    expect(problem(() => parseLosses('losses.csv', 'iteration,loss\n1,2\n2,abc\n')).message).toBe(
      'losses.csv, row 3, column loss: "abc" is not a number (or nan/inf)',
    );
  });
});

describe('parseEpochs', () => {
  it('reads epochs 1, 2… as 0-based epoch metrics; an empty validation is none, an empty accuracy is a regression', () => {
    // The header train.py wrote before it timed its steps: no seconds, no rows.
    const text = `${EPOCHS_HEAD}\n1,8,0.9,0.5,1.1,0.4\n2,16,0.5,0.75,,\n3,24,0.25,,,\n`;
    const untimed = { trainSeconds: null, samples: null };
    expect(parseEpochs('epochs.csv', text)).toEqual([
      {
        iteration: 8,
        metrics: { epoch: 0, train: { loss: 0.9, accuracy: 0.5 }, validation: { loss: 1.1, accuracy: 0.4 } },
        ...untimed,
      },
      { iteration: 16, metrics: { epoch: 1, train: { loss: 0.5, accuracy: 0.75 }, validation: null }, ...untimed },
      { iteration: 24, metrics: { epoch: 2, train: { loss: 0.25, accuracy: null }, validation: null }, ...untimed },
    ]);
  });

  it("reads train.py's seconds in training steps and rows trained on, both counted from the start", () => {
    const text = `${TIMED_HEAD}\n1,8,0.9,0.5,,,0.012500,120\n2,16,0.5,0.75,,,0.020000,240\n`;
    expect(parseEpochs('epochs.csv', text).map((e) => [e.trainSeconds, e.samples])).toEqual([
      [0.0125, 120],
      [0.02, 240],
    ]);
  });

  it.each([
    [`${EPOCHS_HEAD}\n2,8,1,0.5,,\n`, { row: 2, column: 'epoch', value: '2', expected: 'epoch 1' }],
    [
      `${EPOCHS_HEAD}\n1,8,1,1.5,,\n`,
      { row: 2, column: 'train_accuracy', value: '1.5', expected: 'an accuracy between 0 and 1, or empty' },
    ],
    [`${EPOCHS_HEAD}\n1,8,1,0.5,,\n2,4,1,0.5,,\n`, { row: 3, column: 'iteration', value: '4', expected: 'an iteration ≥ 8' }],
    [
      `${EPOCHS_HEAD}\n1,8,1,0.5,,0.5\n`,
      { row: 2, column: 'validation_loss', value: '', expected: 'a loss beside the validation accuracy' },
    ],
    [`${EPOCHS_HEAD}\n1,-8,1,0.5,,\n`, { row: 2, column: 'iteration', value: '-8', expected: 'an integer ≥ 0' }],
    [`${TIMED_HEAD}\n1,8,1,0.5,,,abc,120\n`, { row: 2, column: 'train_seconds', value: 'abc', expected: 'a number ≥ 0' }],
    [
      `${TIMED_HEAD}\n1,8,1,0.5,,,2.5,120\n2,16,1,0.5,,,1.5,240\n`,
      { row: 3, column: 'train_seconds', value: '1.5', expected: 'a number ≥ 2.5' },
    ],
    [`${TIMED_HEAD}\n1,8,1,0.5,,,2.5,\n`, { row: 2, column: 'samples', value: '', expected: 'an integer ≥ 0' }],
    [`${TIMED_HEAD}\n1,8,1,0.5,,\n`, { row: 2, column: '', value: '1,8,1,0.5,,', expected: '8 cells' }],
    [
      `epoch,iteration\n1,8\n`,
      { row: 1, column: '', value: 'epoch,iteration', expected: `the header ${TIMED_HEAD} or ${EPOCHS_HEAD}` },
    ],
  ])('refuses %j naming the cell', (text, expected) => {
    expect(problem(() => parseEpochs('epochs.csv', text))).toMatchObject({ file: 'epochs.csv', ...expected });
  });
});
