// The performance metrics of each model task (docs/metrics.md), in the order people read them, and how the
// dashboard learns a model's task: the performance result's `task` (the alert service has no model spec), or,
// from results that predate the field, what the result carries.

export const TASK_METRICS = {
  binary_classification: ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'prAuc', 'logLoss', 'brier', 'ks', 'gini'],
  multiclass_classification: ['accuracy', 'macroPrecision', 'macroRecall', 'macroF1', 'weightedPrecision', 'weightedRecall',
    'weightedF1', 'rocAucOvr', 'logLoss'],
  regression: ['mae', 'rmse', 'r2', 'mape'],
};

const NAMES = {
  accuracy: 'accuracy', precision: 'precision', recall: 'recall', f1: 'F1', rocAuc: 'ROC AUC', prAuc: 'PR AUC',
  logLoss: 'log loss', brier: 'Brier score', ks: 'KS', gini: 'Gini', macroPrecision: 'macro precision',
  macroRecall: 'macro recall', macroF1: 'macro F1', weightedPrecision: 'weighted precision', weightedRecall: 'weighted recall',
  weightedF1: 'weighted F1', rocAucOvr: 'ROC AUC (one-vs-rest)', mae: 'MAE', rmse: 'RMSE', r2: 'R²', mape: 'MAPE',
};

export function metricName(key) {
  return NAMES[key] || key;
}

export function taskOf(perf) {
  if (!perf) return null;
  if (TASK_METRICS[perf.task]) return perf.task;
  const cm = perf.confusionMatrix;
  if (perf.perClass || (cm && Array.isArray(cm.labels))) return 'multiclass_classification';
  const keys = Object.keys({ ...perf.metrics, ...perf.baseline, ...perf.estimated });
  if (keys.some((k) => TASK_METRICS.regression.includes(k))) return 'regression';
  return keys.length ? 'binary_classification' : null;
}

/**
 * The metrics to offer for a model, from its newest performance result: the task's metrics that the result
 * reports (realised, baseline or estimated) in the task's order, then any other it reports; the task's whole list
 * when the result reports none yet.
 */
export function metricChoices(perf) {
  if (!perf) return [];
  const task = taskOf(perf);
  const listed = TASK_METRICS[task] || [];
  const reported = new Set([...Object.keys(perf.metrics || {}), ...Object.keys(perf.baseline || {}), ...Object.keys(perf.estimated || {})]);
  const ordered = [...listed.filter((k) => reported.has(k)), ...[...reported].filter((k) => !listed.includes(k))];
  return ordered.length ? ordered : listed;
}

/** The figure a model is summarised by: MAE for regression, accuracy otherwise. */
export function headlineMetric(perf) {
  return taskOf(perf) === 'regression' ? 'mae' : 'accuracy';
}
