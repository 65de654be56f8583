/** Binds every API method to the services: the only map from method names to behaviour, shared by both hosts. */
import type { AppInfo } from '../../shared/api/app';
import type { AppServices } from '../services/app';
import type { Handlers, HostHandlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { datasetHandlers } from './handlers/datasets';
import { runHandlers } from './handlers/runs';
import { modelHandlers } from './handlers/models';
import { insightHandlers } from './handlers/insight';
import { workspaceHandlers } from './handlers/workspace';
import { experimentHandlers } from './handlers/experiments';

export function createHandlers(
  services: AppServices,
  host: AppInfo['host'],
  version: string,
  hostHandlers: HostHandlers,
): Handlers {
  return {
    ...appHandlers(services, host, version, hostHandlers),
    ...datasetHandlers(services),
    ...runHandlers(services),
    ...modelHandlers(services),
    ...insightHandlers(services),
    ...workspaceHandlers(services),
    ...experimentHandlers(services),
    ...hostHandlers,
  };
}
