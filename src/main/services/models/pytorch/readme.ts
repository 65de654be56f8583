/** The generated project's README.md (how to predict, train, scale out; what has no exact PyTorch counterpart) and requirements.txt. */
import type { ModelSnapshot } from '../../../../shared/model';
import type { PytorchDataConfig } from './data-config';

export const REQUIREMENTS_TXT = `# The exported project needs PyTorch and NumPy (written for torch 1.13 and later; tested with Debian 12's torch 1.13).
torch>=1.13
numpy>=1.21
# Optional: read model files with the safetensors package instead of the bundled NumPy reader.
# safetensors>=0.3
`;

/** Markdown-safe one-line text (no newlines, no backticks) of at most 200 characters. */
const inline = (text: string): string =>
  Array.from(text.slice(0, 200), (ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' || ch === '`' ? ' ' : ch)).join('');

/** The settings that have no exact torch built-in, and what the project does instead (the docs repeat this table). */
export const EQUIVALENCE_TABLE = `| Backprop Studio setting | Nearest PyTorch built-in | Why it differs | What this project does |
|---|---|---|---|
| Dropout (book scaling) | nn.Dropout | nn.Dropout scales kept values by 1/(1-p) in training and is the identity at inference; the book keeps x·mask in training and multiplies by (1-p) at inference | layers.BookDropout: the book's rule; masks from the app's Dropout stream (bit-exact in one process) |
| BatchNormalization momentum | nn.BatchNorm1d(momentum) | torch weights the NEW batch by momentum and keeps the unbiased variance in running_var; the app weights the OLD value (running = m·running + (1-m)·batch) with the biased variance | layers.BatchNorm1d: a subclass with the app's forward (same parameter and buffer names) |
| Weight decay λ | weight_decay= of torch.optim | torch applies it to every parameter of the group (biases too) and, for Adam, inside the optimizer | train.train_step adds λ·W to the gradient of each Linear weight only, before any optimizer, as the app does |
| Momentum | SGD(momentum=m) | torch's buffer holds raw gradients and is multiplied by the current lr; the app's v = m·v − lr·dW holds lr-scaled steps (same only at a constant lr) | optim.Momentum (book form) |
| Nesterov | SGD(nesterov=True) | the book's W += m²·v − (1+m)·lr·dW uses the new velocity; torch uses the previous buffer | optim.Nesterov (book form) |
| AdaGrad / RMSprop | Adagrad(eps=1e-10) / RMSprop(eps=1e-8) | the app adds 1e-7 to √h; RMSprop without momentum or centring | optim.AdaGrad, optim.RMSprop |
| Adam | Adam(eps=1e-8) | the app folds both bias corrections into lr_t = lr·√(1−β2ᵗ)/(1−β1ᵗ) and adds 1e-7 to √v: torch would need eps = 1e-7·√(1−β2ᵗ), a different value every step | optim.Adam (book form) |
| Cosine schedule | CosineAnnealingLR | torch's is recursive and rises again after T_max; the app's is closed-form and holds the minimum | optim.learning_rate_at, set on the optimizer before every step |
| Initialisation | nn.Linear's default (Kaiming uniform) | the app draws W ~ N(0, std²) (He before Relu, else Xavier, or a fixed std) from its seeded PRNG | model.Network.init_weights ports the PRNG: the same initial weights for the same seed |
| Weight layout | nn.Linear.weight (M×D) | the app's W is D×M (out = x·W + b, as in the book) | transposed when read from and written to the model file |
| Optimizer state precision | the parameter's dtype | the app keeps optimizer state in float64 and rounds each update once to the parameter's precision | optim.BookOptimizer does the same |
| Batch order, split | DataLoader(shuffle=True), random_split | the app shuffles with its own seeded PRNG (Fisher–Yates, continued each epoch) and splits per class | rng.py + data.split_indices + train.AppOrderSampler reproduce both |`;

/** README.md for `snapshot` exported with the data settings `data`. */
export function pytorchReadme(snapshot: ModelSnapshot, data: PytorchDataConfig): string {
  const layers = snapshot.architecture.layers.map((l) => (l.type === 'Affine' ? `Affine(${l.units})` : l.type)).join(' → ');
  const c = snapshot.trainingConfig;
  const source =
    data.source === null
      ? 'not recorded: pass --data (a CSV with the same columns, an idx folder or builtin:NAME)'
      : inline(data.source);
  const classes =
    snapshot.classNames.length > 0
      ? `classes ${inline(snapshot.classNames.join(', '))}`
      : `regression targets ${inline(snapshot.targetNames.join(', '))}`;
  return `# ${inline(snapshot.datasetName)} — a Backprop Studio model as a PyTorch project

Network: input ${snapshot.architecture.inputSize} → ${inline(layers)} (${snapshot.precision}); ${classes}.
Training: ${c.optimizer}, learning rate ${c.learningRate} (${c.schedule.kind} schedule), batch ${c.batchSize}, ${c.epochs} epochs,
weight decay ${c.weightDecay}, seed ${c.seed}${c.patience === null ? '' : `, early stopping after ${c.patience} epochs without a better validation loss`}.
Data: ${source}; validation ${data.validation}, test ${data.test}, split seed ${data.seed}${data.stratify ? ', stratified' : ''}.

## Files
- \`model.safetensors\` — the exported weights, in Backprop Studio's format (open it in the app or read it with NumPy).
- \`model.py\` — the network as an \`nn.Module\`; \`load_model(path)\` and \`predict_proba(x)\`.
- \`layers.py\` — Dropout and BatchNorm1d with the app's semantics; \`optim.py\` — the app's optimizers and schedules.
- \`data.py\` — reads the data, makes the app's seeded train/validation/test split, applies the stored normalization.
- \`train.py\` — the training loop (CPU, \`--device cuda\`, or \`torchrun\`); \`config.json\` — its defaults.
- \`rng.py\` — the app's PRNG (init, split, batch order, Dropout masks); \`model_file.py\` — reads/writes model files.

## Predict
\`\`\`python
import torch
from model import load_model
net = load_model("model.safetensors")            # eval mode
p = net.predict_proba(torch.tensor([[${Array.from({ length: Math.min(3, snapshot.architecture.inputSize) }, () => '0.0').join(', ')}${snapshot.architecture.inputSize > 3 ? ', ...' : ''}]]))   # raw features N×D → N×C
\`\`\`
The stored normalization is applied inside \`predict_proba\`; \`net(x)\` takes normalized features and returns scores.

## Train
\`\`\`sh
pip install -r requirements.txt                  # or Debian: apt install python3-torch
python3 train.py                                 # the app's seeded initialisation, settings from config.json
python3 train.py --from-weights                  # continue from model.safetensors
python3 train.py --device cuda --epochs 50       # one GPU
torchrun --nproc_per_node 4 train.py --device cuda   # data-parallel: DDP + DistributedSampler (NCCL on GPUs, gloo on CPUs)
\`\`\`
Data, split, epochs, batch size, learning rate, seed and patience have flags (\`python3 train.py --help\`); the optimizer,
its hyper-parameters, the schedule and weight decay are read from \`config.json\`. Rank 0 logs and writes
\`trained/model.safetensors\` (in the app's format: open it in Backprop Studio or \`npm run cli -- predict\`),
\`trained/epochs.csv\` (per-epoch train/validation loss and accuracy, seconds in training steps and rows trained so far) and \`trained/losses.csv\` (loss per iteration).
With Debian 12's torch 1.13 under Python 3.11, torchrun needs \`--redirects 0:1 --tee 0:1\` (a launcher bug fixed in later torch).

## How close to the app
In one process on the CPU, a float64 run reproduces the app's run: the same initial weights, split, batch order,
Dropout masks and updates, so weights agree to rounding (about 1e-11 after 150 iterations). A float32 run starts from
the same weights and batches but drifts apart slowly, as float32 rounding differs (summation order in matrix
products, float32 batch statistics): expect the same curves, not the same last digits.
With N processes, global batch k holds the same rows as the app's batch k (each rank takes batch-size/N of them) and DDP averages the gradients, so the update is the same, except that BatchNorm statistics and
Dropout masks are per process, and the last batch of an epoch is padded as DistributedSampler pads it.

Settings with no exact PyTorch counterpart, and how this project keeps them equivalent:

${EQUIVALENCE_TABLE}
`;
}
