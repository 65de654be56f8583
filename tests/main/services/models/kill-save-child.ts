/** Child of the kill-save test: saves the two model versions alternately to argv[2], starting with version argv[3] (0 or 1), until killed. */
import { saveModelFile } from '../../../../src/main/services/models/model-file';
import { killSaveVersions } from './kill-save-versions';

async function main(): Promise<void> {
  const [path, first] = process.argv.slice(2);
  if (!path || (first !== '0' && first !== '1')) throw new Error('usage: kill-save-child <model path> <first version: 0 or 1>');
  const versions = killSaveVersions();
  process.stdout.write('ready\n');
  for (let i = Number(first); ; i++) await saveModelFile(path, versions[i % 2]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
