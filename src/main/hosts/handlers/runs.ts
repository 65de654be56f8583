/** Handlers of the run and gradient-check methods. */
import type { runMethods } from '../../../shared/api/runs';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';
import { importPytorchRun } from '../../services/run-import/import-pytorch-run';

export function runHandlers({ runs, branching, files }: AppServices): Pick<Handlers, keyof typeof runMethods> {
  return {
    'runs.start': (args) => runs.start(args),
    'runs.pause': (args) => runs.pause(args.id),
    'runs.resume': (args) => runs.resume(args.id),
    'runs.step': (args) => runs.step(args.id, args.unit),
    'runs.stop': (args) => runs.stop(args.id),
    'runs.remove': (args) => runs.remove(args.id),
    'runs.setLearningRate': (args) => runs.setLearningRate(args.id, args.learningRate),
    'runs.list': () => runs.list(),
    'runs.curves': (args) => runs.curves(args.id),
    'runs.importPytorch': async (args) => {
      const ids = [args.modelFileId, args.lossesFileId, args.epochsFileId];
      const [model, losses, epochs] = ids.map((id) => files.get(id));
      try {
        const run = await importPytorchRun({ model: model.path, losses: losses.path, epochs: epochs.path });
        // An upload sits in a folder of random name: the run is named after the model file then.
        if (model.temporary) run.summary.name = `PyTorch · ${model.name.replace(/\.safetensors$/i, '')}`;
        return runs.admit(run);
      } finally {
        // The run holds what it needs (the workspace writes its model file): uploads are deleted at once.
        await Promise.all(ids.filter((id) => files.isTemporary(files.get(id).path)).map((id) => files.release(id)));
      }
    },
    'runs.checkpoints': (args) => branching.checkpoints(args.id),
    'runs.branch': (args) => branching.branch(args),
    'runs.continue': (args) => branching.continue(args.id),
    'gradcheck.run': (args) => runs.gradientCheck(args),
  };
}
