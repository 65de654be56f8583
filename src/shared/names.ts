/**
 * The names of the API, zod-free so that the preload (and anything that only routes calls) carries no schema
 * code: every method and event name, the menu commands, the host-specific methods and the IPC channel of each.
 * src/shared/api.ts checks at compile time that its method table declares exactly these names.
 */

export const METHOD_NAMES = [
  'app.info',
  'files.open',
  'files.upload',
  'datasets.builtin',
  'datasets.sniff',
  'datasets.import',
  'datasets.importIdx',
  'datasets.row',
  'datasets.list',
  'datasets.remove',
  'runs.start',
  'runs.pause',
  'runs.resume',
  'runs.step',
  'runs.stop',
  'runs.remove',
  'runs.setLearningRate',
  'runs.list',
  'runs.curves',
  'runs.importPytorch',
  'runs.checkpoints',
  'runs.branch',
  'runs.continue',
  'gradcheck.run',
  'models.fromRun',
  'models.open',
  'models.save',
  'models.encode',
  'models.predictRows',
  'models.predictFile',
  'models.export',
  'models.recent',
  'models.openRecent',
  'insight.trace',
  'insight.boundary',
  'insight.evaluate',
  'insight.diagnostics',
  'workspace.load',
  'workspace.save',
  'workspace.locateDataset',
  'workspace.usage',
  'experiments.list',
  'experiments.start',
  'experiments.pause',
  'experiments.resume',
  'experiments.cancel',
  'experiments.get',
  'experiments.addRun',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** Events pushed from main to the renderer (payload types: EventPayloads in src/shared/api.ts). */
export const EVENT_NAMES = ['runs.event', 'experiments.event', 'datasets.progress', 'menu.command'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const MENU_COMMANDS = ['open-dataset', 'open-model', 'save-model', 'save-model-as', 'train', 'stop'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Methods the main process implements differently per host (a dialog on the desktop, a refusal in the web host). */
export const HOST_METHODS = ['files.open', 'models.save'] as const satisfies readonly MethodName[];
export type HostMethodName = (typeof HOST_METHODS)[number];

/** The IPC channel of a method or event: the only place the prefix is spelled. */
export const channelOf = (name: MethodName | EventName): string => `backprop:${name}`;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
