/** The service types the renderer sees, re-exported in one place so that the renderer imports only src/shared and src/core. */
export type {
  DatasetSummary,
  CsvSniff,
  ImportOptions,
  ImportReport,
  CsvProblem,
  ColumnStats,
  ClassCount,
  PrepareOptions,
} from '../main/services/datasets/types';
export type {
  RunSummary,
  RunStatus,
  RunCurves,
  RunEvent,
  RunStartRequest,
  EpochMetrics,
  LossPoint,
  NonFiniteReport,
  GradientCheckRequest,
  GradientCheckResult,
  ParamCheckResult,
} from '../main/services/runs/types';
