/** English strings of results that stay put (the stale notice of a kept result) and of the boundary's plane: the `results.*` and `plane.*` part of en.ts. */
export const resultsEn = {
  'results.otherRun': 'These results are from {run} at epoch {epoch}; the selected run has changed.',
  'results.trainedOn': 'These results are from {run} at epoch {epoch}; the run has trained on since (now epoch {now}).',
  'results.modelChanged': 'These results are for an earlier architecture or dataset; it has changed since.',
  'results.otherModel': 'These predictions are from the model {model}; the current model has changed.',
  'results.recompute': 'Recompute',
  'results.clear': 'Clear',
  'results.notice': 'Kept results',
  'plane.needs2': 'The decision boundary needs a classification dataset with at least 2 numeric features.',
  'plane.projection': 'Plane',
  'plane.features': 'Two features',
  'plane.pca': 'PCA (2 components)',
  'plane.x': 'x axis',
  'plane.y': 'y axis',
  'plane.held': 'The other {count} features are held at their training mean.',
  'plane.pcaAxis': 'PC{k}: {share} % of the variance, mostly {feature}',
  'plane.pcaNote': 'Principal components of the normalized training features; the grid lies in their plane, through the mean.',
};
