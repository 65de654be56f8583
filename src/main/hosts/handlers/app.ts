/** Handlers of the app and file methods shared by both hosts (the host-specific ones come from each host). */
import os from 'node:os';
import type { AppInfo } from '../../../shared/api/app';
import type { appMethods } from '../../../shared/api/app';
import type { AppServices } from '../../services/app';
import type { Handlers, HostHandlers } from '../dispatch';

export function appHandlers(
  services: AppServices,
  host: AppInfo['host'],
  version: string,
  hostHandlers: HostHandlers,
): Pick<Handlers, keyof typeof appMethods> {
  return {
    ...hostHandlers,
    'app.info': () => ({
      name: 'Backprop Studio',
      version,
      host,
      platform: process.platform,
      kernels: services.kernelsName,
      cores: os.availableParallelism(),
    }),
    'files.upload': async (args) => {
      const file = await services.files.registerBytes(args.name, args.bytes);
      return { fileId: file.fileId, name: file.name, size: file.size };
    },
  };
}
