/**
 * Results stay put (issue 14 point 3), in English and 中文: results computed in Confusion, Gradient check, the network
 * Graph, Predict and Boundary survive a new run, tab switches and a language switch; each one that no longer fits the
 * selection says so in the new language (from which run at which epoch, or that the model changed) and Recompute refreshes it.
 */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { DatasetPanel } from '../pages/dataset-panel';
import { BoundaryPlaneView } from '../pages/views/boundary-plane-view';
import { ConfusionTab, DiagnosticsTab, GradientCheckTab, NetworkTraceTab, PredictTab } from '../pages/views/kept-results';
import { MESSAGES, say, type Language } from '../pages/messages';

for (const [first, then] of [
  ['en', 'zh'],
  ['zh', 'en'],
] as const satisfies readonly (readonly [Language, Language])[]) {
  test(`[${first} → ${then}] results stay across a new run and a language switch, and say when they are stale`, async ({
    app,
  }) => {
    test.setTimeout(150_000);
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(first);
    let topBar = new TopBar(app, first);
    await new TrainingPanel(app, first).setEpochs(3);
    await topBar.train();
    await expect(topBar.status).toHaveClass(/status-done/);

    // Run 1: a result in every tab.
    let confusion = new ConfusionTab(app, first);
    await confusion.open();
    await confusion.evaluate();
    await expect(confusion.matrix).toBeVisible();
    let gradient = new GradientCheckTab(app, first);
    await gradient.open();
    await gradient.runCheck();
    await expect(gradient.verdict).toBeVisible();
    let graph = new NetworkTraceTab(app, first);
    await graph.open();
    await graph.traceRunWeights();
    await expect(graph.meta).toContainText('run-1');
    let predict = new PredictTab(app, first);
    await predict.open();
    await predict.useSelectedRun();
    await predict.predictValues(['0.1', '-0.2']);
    await expect(predict.predicted).toBeVisible();
    let boundary = new BoundaryPlaneView(app, first);
    await boundary.open();
    await expect(boundary.iteration).toBeVisible();
    let diagnostics = new DiagnosticsTab(app, first);
    await diagnostics.open();
    await expect(diagnostics.layers).not.toHaveCount(0);

    // A new run, then the other language.
    await topBar.train();
    await expect(topBar.status).toHaveClass(/status-done/);
    await topBar.chooseLanguage(then);
    const m = MESSAGES[then];
    topBar = new TopBar(app, then);
    confusion = new ConfusionTab(app, then);
    gradient = new GradientCheckTab(app, then);
    graph = new NetworkTraceTab(app, then);
    predict = new PredictTab(app, then);
    boundary = new BoundaryPlaneView(app, then);
    diagnostics = new DiagnosticsTab(app, then);
    const fromRun1 = say(m, 'results.otherRun', { run: 'run-1', epoch: 3 });

    await confusion.open();
    await expect(confusion.matrix).toBeVisible();
    await expect(confusion.notice).toContainText(fromRun1);
    await gradient.open();
    await expect(gradient.verdict).toBeVisible();
    await expect(gradient.notice).toHaveCount(0); // a new run does not change the edited model it checked
    await graph.open();
    await expect(graph.meta).toContainText('run-1');
    await expect(graph.notice).toContainText(fromRun1);
    await predict.open();
    await expect(predict.predicted).toBeVisible();
    await expect(predict.notice).toHaveCount(0); // still the current model
    await boundary.open();
    await expect(boundary.canvas).toBeVisible();
    await expect(boundary.notice).toHaveCount(0); // the boundary follows the selected run by itself
    await diagnostics.open();
    await expect(diagnostics.layers).not.toHaveCount(0);
    await expect(diagnostics.notice).toHaveCount(0);

    // Recompute brings a result to the selected run; a model change marks the gradient check and the predictions.
    await confusion.open();
    await confusion.recompute();
    await expect(confusion.notice).toHaveCount(0);
    await expect(confusion.matrix).toBeVisible();
    await graph.open();
    await graph.recompute();
    await expect(graph.notice).toHaveCount(0);
    await expect(graph.meta).toContainText('run-2');
    await new DatasetPanel(app, then).chooseNormalization('zscore');
    await gradient.open();
    await expect(gradient.notice).toContainText(m['results.modelChanged']);
    await gradient.recompute();
    await expect(gradient.notice).toHaveCount(0);
    await predict.open();
    await predict.useSelectedRun();
    await expect(predict.notice).toHaveAttribute('data-reason', 'otherModel');
    await expect(predict.predicted).toBeVisible();
  });
}
