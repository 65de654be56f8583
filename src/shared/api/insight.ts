/** API methods of the insight views: graph traces, evaluation (confusion), diagnostics, decision boundary. */
export const insightMethods = {};
