/** Builds the app's services once per process; both hosts (Electron and web) and nothing else call this. */
import os from 'node:os';
import path from 'node:path';
import { DatasetService } from './datasets/service';
import { RunService, type RunServiceOptions } from './runs/service';
import { FileRegistry, sweepStaleUploads } from './files';
import { InsightService } from './insight/service';
import { WorkspaceService } from './workspace/service';
import { defaultUserDataDir } from './workspace/user-data-dir';
import { referenceKernels } from '../../core/index';
import { createWasmKernelsSync } from '../../core/kernels/wasm/index';
import { ModelService } from './models/service';
import { RecentFiles } from './models/recent-files';
import { WriteJournal } from './write-journal';
import { Listeners } from './listeners';
import type { ImportLimits, ImportProgress } from '../../shared/datasets';
import { ExperimentService } from './experiments/service';
import { RunBranching } from './runs/branching';

export interface AppServices {
  files: FileRegistry;
  datasets: DatasetService;
  /** Progress of the dataset import under way (bytes and rows read), for the hosts to forward. */
  importProgress: Listeners<ImportProgress>;
  runs: RunService;
  /** Branch a run from a kept checkpoint; resume an interrupted run. */
  branching: RunBranching;
  /** The chapter-6 experiments, their cells on the engine's workers (one per core). */
  experiments: ExperimentService;
  insight: InsightService;
  /** Restores and autosaves the workspace under the user-data folder. */
  workspace: WorkspaceService;
  /** Models: save, open, predict, export. */
  models: ModelService;
  /** Recently opened or saved model files, kept under the user-data folder. */
  recentModels: RecentFiles;
  /** The kernel backend training uses ("reference" or a faster one). */
  kernelsName: string;
  /** The shipped resources folder (built-in datasets: an export copies iris.csv and digits.csv.gz from it). */
  resourcesDir: string;
  dispose(): Promise<void>;
}

export interface AppServiceOptions {
  /** The folder of the built entry (out/main): the worker bundles live beside it. */
  bundleDir: string;
  /** The shipped resources folder (built-in datasets, icons). */
  resourcesDir: string;
  /** Where the workspace autosaves: Electron passes app.getPath('userData'); default: the OS user-data folder. */
  userDataDir?: string;
  /** The host's import limits (default DEFAULT_IMPORT_LIMITS); the memory budget is also the training runs' budget. */
  importLimits?: Partial<ImportLimits>;
}

/** The backend the engine's workers will pick: probed once with a tiny WebAssembly memory (the workers reserve their own). */
function probeKernelsName(): string {
  return createWasmKernelsSync({ capacityBytes: 1024 * 1024 })?.name ?? referenceKernels.name;
}

/** At startup: remove temporary files left by interrupted saves in every folder the app wrote to, beside the recent models and in user data. */
async function sweepWrittenFolders(journal: WriteJournal, recent: RecentFiles, userDataDir: string): Promise<void> {
  const recentFolders = (await recent.list().catch(() => [])).map((file) => path.dirname(file));
  await journal.sweepAll([...recentFolders, userDataDir]);
}

export function createAppServices(options: AppServiceOptions): AppServices {
  const files = new FileRegistry();
  // Upload folders of hosts that crashed or were killed (a running host deletes its own on exit).
  void sweepStaleUploads();
  const datasets = new DatasetService({
    workerPath: path.join(options.bundleDir, 'dataset-worker.js'),
    resourcesDir: options.resourcesDir,
    limits: options.importLimits,
  });
  // Every run keeps a checkpoint per epoch in the workspace (the workspace service writes them off the workers).
  let keepCheckpoint: RunServiceOptions['onCheckpoint'] = undefined;
  const runs = new RunService({
    datasets,
    workerPath: path.join(options.bundleDir, 'engine-worker.js'),
    maxConcurrent: os.availableParallelism(),
    memoryBudgetBytes: options.importLimits?.memoryBudgetBytes,
    checkpointEvery: 1,
    onCheckpoint: (run, point) => keepCheckpoint?.(run, point),
  });
  const experiments = new ExperimentService({
    datasets,
    workerPath: path.join(options.bundleDir, 'engine-worker.js'),
    resourcesDir: options.resourcesDir,
    concurrency: os.availableParallelism(),
    runs,
  });
  const insight = new InsightService({ runs, datasets, workerPath: path.join(options.bundleDir, 'insight-worker.js') });
  const userDataDir = options.userDataDir ?? defaultUserDataDir();
  const journal = new WriteJournal(userDataDir);
  const models = new ModelService(journal);
  const workspace = new WorkspaceService({ userDataDir, runs, datasets, isTemporary: (file) => files.isTemporary(file) });
  keepCheckpoint = (run, point) => workspace.keepCheckpoint(run, point);
  const recentModels = new RecentFiles(userDataDir);
  void sweepWrittenFolders(journal, recentModels, userDataDir);
  return {
    files,
    datasets,
    importProgress: new Listeners<ImportProgress>(),
    runs,
    branching: new RunBranching({ runs, checkpointsOf: (id) => workspace.checkpointsOf(id) }),
    experiments,
    insight,
    models,
    recentModels,
    workspace,
    kernelsName: probeKernelsName(),
    resourcesDir: options.resourcesDir,
    async dispose() {
      await workspace.dispose();
      await runs.dispose();
      await experiments.dispose();
      await insight.dispose();
      await files.dispose();
    },
  };
}
