/** models.export (pytorch) of a run trained in the app on builtin:iris or builtin:digits: the project .zip carries the data file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../../src/main/services/app';
import { createHandlers } from '../../../../src/main/hosts/handlers';
import { webHostHandlers } from '../../../../src/main/hosts/web-host-handlers';
import type { Handlers } from '../../../../src/main/hosts/dispatch';
import type { RunEvent } from '../../../../src/shared/runs';
import { DEFAULT_TRAINING_CONFIG } from '../../../../src/core/spec';
import { NO_BUILD } from '../../engine/fixtures';

const REPO = path.resolve(import.meta.dirname, '../../../..');

/** The entry names of a ZIP's central directory (signature 0x02014b50; name length at +28, name at +46). */
function zipNames(zip: Uint8Array): string[] {
  const bytes = Buffer.from(zip);
  const names: string[] = [];
  for (let at = bytes.indexOf('PK\u0001\u0002', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\u0001\u0002', at + 4, 'latin1'))
    names.push(bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)));
  return names;
}

describe.skipIf(NO_BUILD !== null)('models.export as a PyTorch project (built workers)', () => {
  let scratch = '';
  let services: AppServices;
  let handlers: Handlers;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'models-handler-test-'));
    services = createAppServices({
      bundleDir: path.join(REPO, 'out/main'),
      resourcesDir: path.join(REPO, 'resources'),
      userDataDir: path.join(scratch, 'userData'),
    });
    handlers = createHandlers(services, 'web', '0.0.0-test', webHostHandlers);
  });
  afterAll(async () => {
    await services.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const [name, file] of [
    ['iris', 'iris.csv'],
    ['digits', 'digits.csv.gz'],
  ] as const) {
    it(`a run on builtin:${name} exports with ${file} beside data.py`, async () => {
      const dataset = await handlers['datasets.builtin']({ name });
      const ended = new Promise<void>((resolve) =>
        services.runs.onEvent((e: RunEvent) => e.type === 'status' && e.status === 'done' && resolve()),
      );
      const run = await handlers['runs.start']({
        datasetId: dataset.id,
        architecture: {
          inputSize: dataset.d,
          layers: [{ type: 'Affine', units: dataset.classNames.length }, { type: 'SoftmaxWithLoss' }],
        },
        config: { ...DEFAULT_TRAINING_CONFIG, epochs: 1 },
        split: { validation: 0.2, test: 0.1, normalize: 'zscore', seed: 3, stratify: true },
      });
      await ended;
      const model = await handlers['models.fromRun']({ runId: run.id });
      const zip = await handlers['models.export']({ modelId: model.id, format: 'pytorch', runId: run.id });
      const names = zipNames(zip.bytes);
      const folder = zip.name.replace(/\.zip$/, '');
      expect(names).toContain(`${folder}/${file}`);
      expect(names).toContain(`${folder}/data.py`);
    }, 60_000);
  }
});
