/** English strings of the guidance: the Start-here card, help on every setting and layer type (ch. 5–6 of the book), the feature-scale warning, what blocks Train, where Add layer inserts. */
export const guidanceEn = {
  'field.rangeOpen': 'a number from {min} up to (not including) {max}',
  'field.integerAnd': '{integer}, ',
  'help.about': 'About “{label}”',

  'blockers.reason': 'Cannot train: {message}',
  'blockers.more': '(and {count} more)',
  'blockers.noDataset': 'Cannot train: load a dataset first',

  'start.heading': 'Start here',
  'start.intro': 'Three steps to a first run. This card goes away once a run exists.',
  'start.dataset': 'Load a dataset',
  'start.dataset.loaded': 'Loaded: {name}',
  'start.dataset.open': 'Open a CSV…',
  'start.dataset.builtin': 'Choose a built-in',
  'start.preset': 'Pick a preset network',
  'start.preset.choose': 'Choose a preset',
  'start.train': 'Train',
  'start.train.go': 'Train now',
  'start.done': 'done',

  'scale.warning':
    'Feature ranges differ by {ratio}×: “{wide}” spans {wideRange}, “{narrow}” only {narrowRange}. Without normalization the widest feature dominates the gradients, and a learning rate that suits one feature is far too large for another.',
  'scale.useZscore': 'Use z-score',

  'wizard.quote': 'Quote character',
  'wizard.quote.double': 'Double quote (")',
  'wizard.quote.single': "Single quote (')",
  'wizard.quote.none': 'None (quotes are plain text)',

  'arch.position': 'Insert',
  'arch.position.start': 'At the start',
  'arch.position.after': 'After layer {index}',
  'arch.select': 'Select layer {index}',

  'help.optimizer.sgd':
    'SGD: W ← W − η·∂L/∂W, one step down the gradient per mini-batch. Simple and predictable, but slow along shallow directions and zig-zagging along steep ones (ch. 6.1). Typical learning rate 0.01–0.1.',
  'help.optimizer.momentum':
    'Momentum: a velocity v ← αv − η·∂L/∂W gathers past gradients like a ball rolling downhill, then W ← W + v. It damps the zig-zag of SGD (ch. 6.1). Typical α = 0.9, learning rate 0.01.',
  'help.optimizer.nesterov':
    'Nesterov momentum: like Momentum, but the gradient is taken where the velocity is about to carry the weights, so overshooting is corrected earlier. Typical α = 0.9, learning rate 0.01.',
  'help.optimizer.adagrad':
    'AdaGrad: each weight gets its own learning rate η/√h, where h sums that weight’s squared gradients, so often-moved weights slow down (ch. 6.1). The rate only ever shrinks, so learning can stall. Typical learning rate 0.01–0.1.',
  'help.optimizer.rmsprop':
    'RMSprop: AdaGrad that forgets: h is a moving average of the squared gradients, so old gradients fade and learning does not stall. Typical decay 0.99, learning rate 0.001–0.01.',
  'help.optimizer.adam':
    'Adam: Momentum plus AdaGrad-style per-weight rates: moving averages of the gradient (β₁) and of its square (β₂), bias-corrected at the start (ch. 6.1). A robust default. Typical learning rate 0.001–0.01, β₁ = 0.9, β₂ = 0.999.',
  'help.train.learningRate':
    'Learning rate η: how far each update moves the weights along −∂L/∂W. Too large and the loss jumps or turns NaN; too small and it barely moves (ch. 4, 6). Typical 0.01 for SGD, 0.001 for Adam; try factors of 10.',
  'help.train.schedule':
    'Schedule: how the learning rate changes while training. Constant keeps η; Step decay multiplies it by γ every N iterations; Cosine lowers it smoothly to a minimum. Large steps early and small steps late often reach a lower loss. Typical: Constant to begin with.',
  'help.train.stepSize':
    'Step every: iterations (mini-batch updates) between two decays of the learning rate. Typical: a few epochs’ worth of iterations.',
  'help.train.gamma': 'Decay factor γ: each step multiplies the learning rate by γ. Typical 0.1–0.5.',
  'help.train.minLr': 'Minimum learning rate: where the cosine schedule ends. Typical: 1/100 of the starting rate.',
  'help.train.batchSize':
    'Batch size: rows per mini-batch; each update follows the average gradient of this many samples (ch. 4.2). Larger batches give smoother but fewer updates per epoch; smaller ones are noisier. Typical 32–128 (the book uses 100).',
  'help.train.epochs':
    'Epochs: full passes over the training rows (one epoch = N ÷ batch size iterations). More epochs fit better until the validation loss starts to rise: overfitting (ch. 6.4). Typical 20–300 for small data; at most 100,000.',
  'help.train.weightDecay':
    'Weight decay λ: adds ½λ‖W‖² to the loss (λW to each weight gradient), pulling weights toward zero to fight overfitting (ch. 6.4.2). Typical 0 (off), or 1e-4 to 0.1.',
  'help.train.seed':
    'Seed: starts the random numbers of weight init, shuffling, the split and dropout. The same seed and settings give the same run; change it to see how much results vary. Typical: any whole number, e.g. 42.',
  'help.train.precision':
    'Precision: float32 (the default) is fast and enough for training; float64 is slower but more exact. The gradient check always uses float64 (ch. 5.7).',
  'help.train.threads':
    'Threads per run: how many worker threads share each mini-batch. Auto uses 2 when the network and the batch are large enough to gain from it. Typical: Auto.',
  'help.train.earlyStopping':
    'Early stopping: stop when the validation loss has not improved for “patience” epochs, keeping the best weights: a simple guard against overfitting (ch. 6.4). Needs a validation share above 0.',
  'help.train.patience': 'Patience: epochs without a better validation loss before training stops. Typical 5–20.',
  'help.dataset.normalize':
    'Normalization: rescales each feature with statistics of the training rows only. Z-score gives mean 0 and standard deviation 1 (what Batch Norm does inside the network, ch. 6.3); Min–max maps to [0, 1]. With features on very different scales no single learning rate suits them all. Typical: Z-score.',
  'help.dataset.validation':
    'Validation share: rows held out to measure generalization after each epoch; a validation loss that rises while the training loss falls is overfitting (ch. 6.4). Typical 0.2.',
  'help.dataset.test':
    'Test share: rows kept aside for the final score only, never for choosing settings (ch. 6.5). Typical 0 to 0.2.',
  'help.arch.units':
    'Units: outputs of this Affine layer (its W is inputs × units). More units fit more complex functions but overfit sooner. Typical 16–100 (the book’s TwoLayerNet uses 50).',
  'help.arch.init':
    'Weight init: the scale of the random starting weights (ch. 6.2). He (σ = √(2/n)) suits ReLU; Xavier (σ = √(1/n)) suits Sigmoid and Tanh; a fixed σ such as 0.01 lets activations vanish in deep networks. Equal weights never work: every unit would learn the same. Default: He before ReLU, else Xavier.',
  'help.arch.std':
    'σ: the standard deviation of the N(0, σ²) starting weights. Typical 0.01 (the book’s first networks); too small and activations vanish, too large and they saturate (ch. 6.2).',
  'help.arch.ratio':
    'Dropout ratio: the share of units switched off at random in each training step; at test time all are kept, scaled, which works like averaging many thinner networks (ch. 6.4.3). Typical 0.1–0.5.',
  'help.arch.momentum':
    'BN momentum: how much of the running mean and variance (used at test time instead of the batch’s) is kept at each step. Typical 0.9.',
  'help.layer.affine':
    'Affine: the fully connected layer Y = X·W + b; its backward gives dX = dY·Wᵀ, dW = Xᵀ·dY, db = Σ dY (ch. 5.6). Typical: 16–100 units, followed by an activation.',
  'help.layer.relu':
    'ReLU: y = max(0, x); backward passes dout where x > 0 and 0 elsewhere (ch. 5.5). The usual hidden activation; pair it with He init.',
  'help.layer.sigmoid':
    'Sigmoid: y = 1 / (1 + e⁻ˣ); backward dx = dout·y·(1 − y) (ch. 5.5). Its slope is at most 0.25, so deep stacks learn slowly (vanishing gradients); pair it with Xavier init.',
  'help.layer.tanh':
    'Tanh: y = tanh x, centred on 0; backward dx = dout·(1 − y²). Like Sigmoid it flattens for large |x|; pair it with Xavier init.',
  'help.layer.dropout':
    'Dropout: while training, switches each unit off with probability “ratio” (a random mask, kept for backward); at test time lets all through, scaled (ch. 6.4.3). Fights overfitting; typical ratio 0.1–0.5, after an activation.',
  'help.layer.batchNormalization':
    'Batch Norm: normalizes each unit over the mini-batch to mean 0 and variance 1, then scales by γ and shifts by β (ch. 6.3). Trains faster, depends less on the init and regularizes a little. Typical place: between an Affine and its activation.',
  'help.layer.softmaxWithLoss':
    'Softmax-with-Loss: turns scores into class probabilities and takes the cross-entropy error; its backward is simply (y − t) / N (ch. 5.6.3). The last layer for classification.',
  'help.layer.identityWithLoss':
    'Identity-with-Loss: keeps the scores as they are and takes half the squared error, averaged over rows; backward (y − t) / N. The last layer for regression.',
} as const;
