/** Run by gradcheck-job.test.ts in a child Node with --experimental-wasm-relaxed-simd: prints the comparison as JSON. */
import { compareGradientChecks } from './gradcheck-compare';

process.stdout.write(`${JSON.stringify(compareGradientChecks())}\n`);
