/** Child of the kill-save test: saves two model versions alternately to argv[2], forever, until the parent kills it. */
import { saveModelFile } from '../../../../src/main/services/models/modelFile';
import { killSaveVersions } from './kill-save-versions';

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: kill-save-child <model path>');
  const versions = killSaveVersions();
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await saveModelFile(path, versions[i % 2]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
