/** RunImportError: a file of an imported PyTorch run that is missing or invalid, with the cell that is wrong (code 'run-import'). */
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface RunImportProblem {
  /** The file, by its name (never its folder). */
  file: string;
  /** 1-based line in the file ('' when the problem is the whole file). */
  row: number | '';
  /** The column's name ('' when the problem is not one cell's). */
  column: string;
  /** The text found ('' when nothing was). */
  value: string;
  /** What was expected there. */
  expected: string;
}

export class RunImportError extends AppError {
  override name = 'RunImportError';

  constructor(problem: RunImportProblem) {
    const file = basename(problem.file);
    const where = [file, problem.row === '' ? '' : `row ${problem.row}`, problem.column === '' ? '' : `column ${problem.column}`]
      .filter((s) => s !== '')
      .join(', ');
    const found = problem.value === '' ? '' : `${JSON.stringify(problem.value)} is not `;
    super('run-import', `${where}: ${found}${found ? '' : 'expected '}${problem.expected}`, { ...problem, file });
  }
}
