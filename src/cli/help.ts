/** The CLI's help text: commands, then the flags they share. */
import { DATA_FLAG_HELP } from './data-flags';
import { ARCH_FLAG_HELP } from './arch-flags';
import { TRAIN_FLAG_HELP } from './train-flags';
import { EXPERIMENT_HELP } from './commands/experiment';
import { IMPORT_RUN_HELP } from './commands/import-run';
import { CHECKPOINT_FLAG_HELP } from './checkpoint-flags';

export const HELP = `Backprop Studio CLI — npm run cli -- <command> [flags]

Commands:
  train      --data ... [architecture] [training] [checkpoints] [--out model.safetensors] [--json]
             train on an engine worker; a progress bar on stderr, or with --json one JSON object
             per line (progress, epoch, then {"event":"done",...} or {"event":"failed",...})
  gradcheck  --data ... [architecture] [--samples N (rows checked, default 3)] [--seed N] [--json]
             compare backprop with numerical gradients in float64; exit 1 when a parameter fails
  predict    --model <file> --data <file.csv> [--header auto|yes|no] [--skip-lines N] [--delimiter , | ; | tab]
             [--out predictions.csv] [--json]   (no header: the model's features are matched by position)
  export     --model <file> --format onnx|numpy --out <file>  |  --format pytorch --out <dir> [data flags]
  inspect    --data ... [--json]        what the importer detects in a dataset
${EXPERIMENT_HELP}
${IMPORT_RUN_HELP}
  inspect    --checkpoint FILE [--json]  what a checkpoint holds (epoch, settings, optimizer state, RNG positions)
  graph      "<expression>" --set x=2,y=3 | --preset apples|fruit|chain|sigmoid [--json]
             a scalar computational graph: every node's value and gradient, and each edge's
             backprop gradient against a central difference (exit 1 when one disagrees)
  bench      [--only engine|checkpoints|datasets|twolayernet|kernels|experiments] [--peers]   benchmarks as JSON lines
  help       this text

Exit codes: 0 success, 1 the run (or check) failed, 2 bad flag or bad input, 130 interrupted.

${DATA_FLAG_HELP}

${ARCH_FLAG_HELP}

${TRAIN_FLAG_HELP}

${CHECKPOINT_FLAG_HELP}
`;
