/** The web host's host-specific handlers: a browser picks and uploads files itself, so these refuse with the reason. */
import type { HostHandlers } from './dispatch';
import { AppError } from '../../shared/errors';

const browserOnly = (method: string, what: string) => () => {
  throw new AppError('host-unsupported', `${what} is done by the browser in web mode (upload or download), not by the host`, {
    method,
  });
};

export const webHostHandlers: HostHandlers = {
  'files.open': browserOnly('files.open', 'opening a file'),
  'models.save': browserOnly('models.save', 'saving a model'),
};
