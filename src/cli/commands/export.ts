/** `export`: turn a saved model into an ONNX file or a plain-NumPy Python script. */
import writeFileAtomic from 'write-file-atomic';
import { parseCommandArgs } from '../command-args';
import { UsageError } from '../usage-error';
import { ModelService } from '../../main/services/models/service';
import { ONNX_OPSET } from '../../main/services/models/onnx/export';
import { requireFlag, withExitCode } from './predict';

export const EXPORT_OPTIONS = {
  model: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

const FORMATS = ['onnx', 'numpy'] as const;

/**
 * `export --model <file> --format onnx|numpy --out <file>`: writes the export atomically and prints one summary line.
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
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`export: --format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const service = new ModelService();
    const model = await service.open(modelPath);
    if (format === 'onnx') {
      const bytes = service.exportOnnx(model.id);
      await writeFileAtomic(outPath, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      out(`wrote ONNX (opset ${ONNX_OPSET}, input "features" [N, ${model.snapshot.architecture.inputSize}], output "probabilities") to ${outPath} (${bytes.length} bytes)`);
    } else {
      await writeFileAtomic(outPath, service.exportNumpy(model.snapshot));
      out(`wrote NumPy script to ${outPath}; run: python3 ${outPath} ${modelPath} data.csv`);
    }
    return 0;
  }, err);
}
