/** `export`: turn a saved model into an ONNX file, a plain-NumPy Python script or a PyTorch project folder. */
import writeFileAtomic from 'write-file-atomic';
import { parseCommandArgs } from '../command-args';
import { UsageError } from '../usage-error';
import { ModelService } from '../../main/services/models/service';
import { ONNX_OPSET } from '../../main/services/models/onnx/export';
import { requireFlag, withExitCode } from './predict';
import { DATA_FLAG_OPTIONS } from '../data-flag-options';
import { hasDataFlags, writePytorchProject } from './export-pytorch';

export const EXPORT_OPTIONS = {
  model: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  ...DATA_FLAG_OPTIONS,
} as const;

const FORMATS = ['onnx', 'numpy', 'pytorch'] as const;

/**
 * `export --model <file> --format onnx|numpy --out <file>`: writes the export atomically and prints one summary line;
 * `--format pytorch --out <dir> [data flags]` writes a project folder (the data flags become train.py's defaults).
 * Resolves with the exit code: 0 ok, 2 bad flag or bad model file (one-line error on `err`), 1 failure.
 */
export async function runExport(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  return withExitCode(async () => {
    const values = parseCommandArgs('export', argv, EXPORT_OPTIONS);
    const modelPath = requireFlag('export', values, 'model');
    const format = requireFlag('export', values, 'format');
    const outPath = requireFlag('export', values, 'out');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`export: --format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    if (format !== 'pytorch' && hasDataFlags(values))
      throw new UsageError('export: data flags (--data, --val…) apply to --format pytorch only');
    const service = new ModelService();
    const model = await service.open(modelPath);
    if (format === 'pytorch') {
      await writePytorchProject(model, values, outPath, out);
    } else if (format === 'onnx') {
      const bytes = service.exportOnnx(model.id);
      await writeFileAtomic(outPath, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      out(
        `wrote ONNX (opset ${ONNX_OPSET}, input "features" [N, ${model.snapshot.architecture.inputSize}], output "probabilities") to ${outPath} (${bytes.length} bytes)`,
      );
    } else {
      await writeFileAtomic(outPath, service.exportNumpy(model.snapshot));
      out(`wrote NumPy script to ${outPath}; run: python3 ${outPath} ${modelPath} data.csv`);
    }
    return 0;
  }, err);
}
