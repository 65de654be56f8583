/** Child of the autosave kill test: autosaves an ever-changing workspace with a large run history to argv[2], until killed. */
import { WorkspaceService } from '../../../../src/main/services/workspace/service';
import { EDITOR, bigHistory } from './fixtures';

async function main(): Promise<void> {
  const userDataDir = process.argv[2];
  if (!userDataDir) throw new Error('usage: autosave-child <user-data folder>');
  const runs = bigHistory();
  const service = new WorkspaceService({ userDataDir, runs, debounceMs: 0, maxWaitMs: 0 });
  await service.load();
  process.stdout.write('ready\n');
  for (let edit = 0; ; edit++) {
    await service.save({ ...EDITOR, settings: { edit } });
    await service.flush();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
