/** The built insight worker's file: electron-vite emits worker.ts as its own chunk and gives its path (import only from the hosts' wiring). */
import workerPath from './worker?modulePath';

export const insightWorkerPath: string = workerPath;
