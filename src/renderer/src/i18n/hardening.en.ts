/** English wording of the hardening errors: a run's dataset split that failed in its worker (code dataset-prepare). */
export const hardeningEn = {
  'errors.dataset-prepare': 'The dataset {dataset} could not be split for the run: {reason}',
} as const;
