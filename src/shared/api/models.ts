/** API methods of models: save, open, predict, export (filled in by the models/UI work). */
export const modelMethods = {};
