/** Builds the app's services once per process; both hosts (Electron and web) and nothing else call this. */
import os from 'node:os';
import path from 'node:path';
import { DatasetService } from './datasets/service';
import { RunService } from './runs/service';
import { FileRegistry } from './files';
import { InsightService } from './insight/service';
import { insightWorkerPath } from './insight/worker-path';
import { WorkspaceService } from './workspace/service';
import { defaultUserDataDir } from './workspace/user-data-dir';

export interface AppServices {
  files: FileRegistry;
  datasets: DatasetService;
  runs: RunService;
  insight: InsightService;
  /** Restores and autosaves the workspace under the user-data folder. */
  workspace: WorkspaceService;
  /** The kernel backend training uses ("reference" or a faster one). */
  kernelsName: string;
  dispose(): Promise<void>;
}

export interface AppServiceOptions {
  /** The folder of the built entry (out/main): the worker bundles live beside it. */
  bundleDir: string;
  /** The shipped resources folder (built-in datasets, icons). */
  resourcesDir: string;
  /** Where the workspace autosaves: Electron passes app.getPath('userData'); default: the OS user-data folder. */
  userDataDir?: string;
}

export function createAppServices(options: AppServiceOptions): AppServices {
  const files = new FileRegistry();
  const datasets = new DatasetService({
    workerPath: path.join(options.bundleDir, 'dataset-worker.js'),
    resourcesDir: options.resourcesDir,
  });
  const runs = new RunService({
    datasets,
    workerPath: path.join(options.bundleDir, 'engine-worker.js'),
    maxConcurrent: os.availableParallelism(),
  });
  const insight = new InsightService({ runs, datasets, workerPath: insightWorkerPath });
  const workspace = new WorkspaceService({ userDataDir: options.userDataDir ?? defaultUserDataDir(), runs });
  return {
    files,
    datasets,
    runs,
    insight,
    workspace,
    kernelsName: 'reference',
    async dispose() {
      await workspace.dispose();
      await runs.dispose();
      await insight.dispose();
      await files.dispose();
    },
  };
}
