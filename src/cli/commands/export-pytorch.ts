/** `export --format pytorch`: write the PyTorch project folder, with the data flags (if any) as train.py's defaults. */
import { resolve } from 'node:path';
import type { LoadedModel } from '../../shared/model';
import { bundledDataFiles } from '../../main/services/models/pytorch/bundled-data';
import { dataConfigOf, defaultDataConfig } from '../../main/services/models/pytorch/data-config';
import { exportPytorch } from '../../main/services/models/pytorch/export';
import { writeProject } from '../../main/services/models/pytorch/write-project';
import type { FlagValues } from '../command-args';
import { pickFlags } from '../command-args';
import { DATA_FLAG_OPTIONS } from '../data-flag-options';
import { parseDataFlags } from '../data-flags';

/** True when any data flag (--data, --val, --label…) was given. */
export function hasDataFlags(values: FlagValues): boolean {
  return Object.keys(pickFlags(values, DATA_FLAG_OPTIONS)).length > 0;
}

/**
 * Write the project for `model` into `outDir`. Data flags (the train command's) become config.json's data settings,
 * file paths made absolute so that train.py runs from anywhere; builtin:iris and builtin:digits ship their CSV along.
 */
export async function writePytorchProject(
  model: LoadedModel,
  values: FlagValues,
  outDir: string,
  out: (line: string) => void,
): Promise<void> {
  const seed = model.snapshot.trainingConfig.seed;
  let data = defaultDataConfig(seed);
  if (hasDataFlags(values)) {
    const flags = parseDataFlags({ seed: String(seed), ...pickFlags(values, DATA_FLAG_OPTIONS) });
    data = dataConfigOf(flags.source, flags.import, flags.prepare, (p) => resolve(p));
  }
  await writeProject(outDir, exportPytorch(model.snapshot, data, await bundledDataFiles(data)));
  out(
    `wrote a PyTorch project to ${outDir}; run: cd ${outDir} && python3 train.py${data.source === null ? ' --data <your data>' : ''}`,
  );
}
