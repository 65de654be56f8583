/**
 * English strings that made 中文 complete (issue 14 point 6): texts that were written in English outside the catalogs
 * (chart axis titles, architecture problems, column roles and types, run settings, labels of controls).
 */
export const completeEn = {
  'experiments.axis.learningRate': 'learning rate',
  'experiments.axis.weightDecay': 'weight decay',
  'column.role.label': 'label',
  'column.role.feature': 'feature',
  'column.role.ignored': 'ignored',
  'column.type.numeric': 'numeric',
  'column.type.text': 'text',
  'runs.configText': '{sizes} · {optimizer} · lr {learningRate} · batch {batch} · {epochs} epochs',
  'runs.nonFinite.loss': 'loss',
  'runs.nonFinite.gradient': 'gradient',
  'runs.nonFinite.weight': 'weight',
  'runs.failure.nonFinite': 'non-finite {where} at epoch {epoch}, batch {batch}; the last finite weights are kept',
  'runs.failure.nonFiniteIn':
    'non-finite {where} in {parameter} at epoch {epoch}, batch {batch}; the last finite weights are kept',
  'arch.issue.at': '{where}: {problem}',
  'arch.issue.layer': 'Layer {n}',
  'arch.issue.layerType': 'Layer {n} ({type})',
  'arch.issue.not-an-object': 'The architecture must be an object with inputSize and layers',
  'arch.issue.input-size': 'the input size must be a positive integer, got {value}',
  'arch.issue.no-layers':
    'the architecture needs at least one layer, and its last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
  'arch.issue.unknown-type': 'unknown layer type {type}; expected one of {expected}',
  'arch.issue.units': 'units must be a positive integer, got {value}',
  'arch.issue.init-kind': 'the weight init must be N(0, σ²), Xavier or He',
  'arch.issue.init-std': 'σ of the weight init must be a positive finite number, got {value}',
  'arch.issue.dropout-ratio': 'the dropout ratio must be a number in [0, 1), got {value}',
  'arch.issue.bn-momentum': 'the BN momentum must be in [0, 1), got {value}',
  'arch.issue.bn-epsilon': 'the BN epsilon must be a positive number, got {value}',
  'arch.issue.loss-not-last': 'a loss layer must be the last layer, but {following} layer(s) follow it',
  'arch.issue.last-not-loss': 'the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
  'arch.issue.softmax-classes':
    "needs at least 2 class scores, but the layer before it outputs {inputSize}; set the last Affine's units to the number of classes",
  'chart.summary': '{title}: {series} series, {points} points',
  'gradcheck.verdict.pass': 'PASS',
  'gradcheck.verdict.fail': 'FAIL',
  'gradcheck.thresholds': 'h = {h}, max rel ≤ {maxRel}, mean abs ≤ {meanAbs}',
  'boundary.picture': '{features}: {classes} classes',
  'plot.barsSummary': '{title}: {bins} bins',
  'plot.heatmapSummary': '{title}: {rows}×{cols}, largest magnitude {max}',
  'name.column': 'column {n}',
  'name.class': 'class {n}',
  'name.trial': 'trial {n}',
  'wizard.importStopped':
    '{file}: {totalProblems} problem(s), the first on line {line}; import stopped (listed below: "drop rows with missing or invalid values" skips those rows)',
} as const;
