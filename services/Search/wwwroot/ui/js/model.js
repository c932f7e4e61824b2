// The serving model (GET /api/model), and whether it is the synthetic-only default model.
import { get } from './api.js';

export const SYNTHETIC_NOTICE = 'This model was trained on synthetic pedestrians only: on real footage it finds people but ranks them poorly until a model trained on real data is published.';

let model = null;

export async function loadModel(force = false) {
  if (!model || force) model = get('/api/model').catch((error) => { model = null; throw error; });
  return model;
}

/** True when the model says it learnt from synthetic pedestrians only (its version, training record or evaluation splits). */
export function isSyntheticOnly(info) {
  if (!info) return false;
  if (typeof info.modelVersion === 'string' && info.modelVersion.toLowerCase().startsWith('tiny-synthpedes')) return true;
  const training = info.training && typeof info.training === 'object' ? info.training : {};
  const trainingText = JSON.stringify({ dataset: training.dataset, run: training.run, data: training.data, synthetic: training.synthetic }).toLowerCase();
  if (training.synthetic === true || /synth/.test(trainingText) || Object.keys(training).some((key) => /synth/i.test(key))) {
    const realHints = /cuhk|icfg|rstp|real/.test(trainingText);
    return !realHints;
  }
  return false;
}
