/** Entry of the browser host (`npm run web`): starts the services and the loopback web server, prints the URL. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppServices } from './services/app';
import { importLimitsFromEnv } from './services/datasets/import-budget';
import { createHandlers } from './hosts/handlers';
import { forwardEvents } from './hosts/events';
import { startWebServer } from './hosts/web-server';
import { findResourcesDir } from './resources';
import { webHostHandlers } from './hosts/web-host-handlers';
import { defaultUserDataDir } from './services/workspace/user-data-dir';
import { enableRelaxedSimd } from './runtime/relaxed-simd';

enableRelaxedSimd();

const bundleDir = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
    process.exit(2);
  }
  const userDataDir = process.env.BACKPROP_USER_DATA ?? defaultUserDataDir();
  const services = createAppServices({
    bundleDir,
    resourcesDir: findResourcesDir(bundleDir),
    userDataDir,
    importLimits: importLimitsFromEnv(process.env),
  });
  const handlers = createHandlers(services, 'web', process.env.npm_package_version ?? '0.1.0', webHostHandlers);
  const server = await startWebServer({
    handlers,
    files: services.files,
    rendererDir: path.resolve(bundleDir, '../renderer'),
    token: randomBytes(24).toString('base64url'),
    port,
  });
  const stopEvents = forwardEvents(services, server.emit);
  console.log(`Backprop Studio is running. Open this address in your browser:\n\n  ${server.url}\n`);
  const shutdown = async () => {
    stopEvents();
    await server.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
