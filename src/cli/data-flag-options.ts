/** The parseArgs declarations of the data flags that data-flags.ts interprets (names and kinds only; values are checked there). */
export const DATA_FLAG_OPTIONS = {
  data: { type: 'string' },
  label: { type: 'string' },
  features: { type: 'string' },
  delimiter: { type: 'string' },
  quote: { type: 'string' },
  header: { type: 'string' },
  'skip-lines': { type: 'string' },
  'drop-invalid': { type: 'boolean' },
  val: { type: 'string' },
  test: { type: 'string' },
  normalize: { type: 'string' },
  seed: { type: 'string' },
  samples: { type: 'string' },
  noise: { type: 'string' },
  'max-rows': { type: 'string' },
  'memory-budget': { type: 'string' },
} as const;
