/** Binds every API method to the services: the only map from method names to behaviour, shared by both hosts. */
import os from 'node:os';
import type { AppInfo } from '../../shared/api';
import type { AppServices } from '../services/app';
import type { Handlers, HostHandlers } from './dispatch';

export function createHandlers(
  services: AppServices,
  host: AppInfo['host'],
  version: string,
  hostHandlers: HostHandlers,
): Handlers {
  const { datasets, runs, files } = services;
  return {
    ...hostHandlers,
    'files.upload': async (args) => {
      const file = await files.registerBytes(args.name, args.bytes);
      return { fileId: file.fileId, name: file.name, size: file.size };
    },
    'app.info': () => ({
      name: 'Backprop Studio',
      version,
      host,
      platform: process.platform,
      kernels: 'reference',
      cores: os.availableParallelism(),
    }),
    'datasets.builtin': (args) => datasets.import({ kind: 'builtin', ...args }, {}),
    'datasets.sniff': (args) => datasets.sniff(files.get(args.fileId).path),
    'datasets.import': (args) => {
      const file = files.get(args.fileId);
      return datasets.import({ kind: 'csv', path: file.path }, args.options);
    },
    'datasets.list': () => datasets.list(),
    'datasets.remove': (args) => datasets.remove(args.id),
    'runs.start': (args) => runs.start(args),
    'runs.pause': (args) => runs.pause(args.id),
    'runs.resume': (args) => runs.resume(args.id),
    'runs.step': (args) => runs.step(args.id, args.unit),
    'runs.stop': (args) => runs.stop(args.id),
    'runs.remove': (args) => runs.remove(args.id),
    'runs.setLearningRate': (args) => runs.setLearningRate(args.id, args.learningRate),
    'runs.list': () => runs.list(),
    'runs.curves': (args) => runs.curves(args.id),
    'gradcheck.run': (args) => runs.gradientCheck(args),
  };
}
