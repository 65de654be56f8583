/** The web host's host-specific handlers: a browser picks and uploads files itself, so these refuse with the reason. */
import { ApiError, type HostHandlers } from './dispatch';

const browserOnly = (what: string) => () => {
  throw new ApiError(`${what} is done by the browser in web mode (upload or download), not by the host`, 'failed');
};

export const webHostHandlers: HostHandlers = {
  'files.open': browserOnly('opening a file'),
  'models.save': browserOnly('saving a model'),
};
