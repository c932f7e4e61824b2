// Models: the serving model, its index, pipeline statistics, and (for the ML team) the recorded
// evaluation metrics and training record. Always says plainly when the model is synthetic-only.
import { h, replace } from '../dom.js';
import { get, describeError } from '../api.js';
import { loadModel, isSyntheticOnly, SYNTHETIC_NOTICE } from '../model.js';
import { hasRole, ROLES } from '../session.js';
import { formatDateTime, formatFixed, formatNumber, formatSeconds } from '../format.js';
import { notice } from '../ui.js';

const STATS_REFRESH_MS = 5000;
const METRIC_NAMES = {
  rank1: 'Rank-1', rank5: 'Rank-5', rank10: 'Rank-10', mAP: 'mAP', mINP: 'mINP',
  meanAveragePrecision: 'mAP', meanInverseNegativePenalty: 'mINP',
};
const PROVIDERS = { cpu: 'CPU', cuda: 'CUDA (GPU)' };

export function mountModels(container) {
  const ml = hasRole(ROLES.ml);
  const modelArea = h('div', { class: 'loading', text: 'Loading the model…' });
  const statsArea = h('div');
  replace(container,
    h('div', { class: 'page-head' }, h('h1', { text: 'Models' })),
    modelArea,
    h('section', { class: 'panel', 'aria-labelledby': 'stats-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'stats-title', text: 'Pipeline' }), h('span', { class: 'spacer' }),
        h('span', { class: 'muted small', text: 'refreshed every 5 s' })),
      statsArea));

  let stopped = false;
  let timer = 0;

  loadModel(true).then((model) => {
    if (!stopped) renderModel(model);
  }).catch((error) => {
    if (!stopped) replace(modelArea, notice(`The model could not be loaded: ${describeError(error)}`, 'error'));
  });

  function stat(label, value, sub, isText = false) {
    return h('div', { class: 'stat' },
      h('div', { class: 'stat-label', text: label }),
      h('div', { class: `stat-value${isText ? ' text' : ''}`, text: value }),
      sub ? h('div', { class: 'stat-sub', text: sub }) : null);
  }

  function renderModel(model) {
    modelArea.className = '';
    const index = model.index || {};
    const parts = [];
    if (isSyntheticOnly(model)) parts.push(notice(SYNTHETIC_NOTICE));
    if (index.matchesModel === false) {
      parts.push(notice(`The index holds the vectors of ${index.name}, not of the serving model: searches are refused until the index for ${model.modelVersion} is complete.`, 'error'));
    }
    parts.push(h('section', { class: 'panel', 'aria-labelledby': 'serving-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'serving-title', text: 'Serving model' })),
      h('div', { class: 'stat-grid' },
        stat('Version', model.modelVersion, null, true),
        stat('Created', formatDateTime(model.created), null, true),
        stat('Embedding size', formatNumber(model.embeddingSize), 'floats per person or description'),
        stat('Runs on', PROVIDERS[String(model.executionProvider).toLowerCase()] || model.executionProvider, 'ONNX Runtime execution provider', true),
        stat('Image input', `${model.imageWidth} × ${model.imageHeight}`, 'pixels (width × height)', true),
        stat('Longest description', `${formatNumber(model.maxQueryCharacters)} characters`, `${model.textContextLength} tokens read`, true),
        stat('Index', index.name || '—', index.matchesModel ? 'matches the serving model' : 'does NOT match the serving model', true),
        stat('People indexed', formatNumber(index.points), 'crops in the index'))));

    if (ml) {
      parts.push(metricsPanel(model.evaluation));
      parts.push(trainingPanel(model.training));
    } else {
      parts.push(h('p', { class: 'muted small', text: 'Evaluation metrics and the training record are shown to the ML team.' }));
    }
    replace(modelArea, parts);
  }

  function metricsPanel(evaluation) {
    const splits = evaluation && typeof evaluation === 'object' ? Object.entries(evaluation) : [];
    const names = [];
    for (const [, metrics] of splits) {
      for (const key of Object.keys(metrics || {})) if (!names.includes(key)) names.push(key);
    }
    const body = splits.length === 0
      ? h('p', { class: 'muted', text: 'This model bundle records no evaluation.' })
      : h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'Recorded evaluation metrics' },
        h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Evaluation split' }),
          names.map((name) => h('th', { scope: 'col', class: 'num', text: METRIC_NAMES[name] || name })))),
        h('tbody', null, splits.map(([split, metrics]) => h('tr', null,
          h('th', { scope: 'row', class: 'mono', text: split }),
          names.map((name) => h('td', { class: 'num', text: metrics && typeof metrics[name] === 'number' ? `${formatFixed(metrics[name], 1)} %` : '—' })))))));
    return h('section', { class: 'panel', 'aria-labelledby': 'metrics-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'metrics-title', text: 'Recorded evaluation' }), h('span', { class: 'spacer' }),
        h('span', { class: 'muted small', text: 'text-to-person retrieval, percent; the split name says what data it was measured on' })),
      body);
  }

  function trainingPanel(training) {
    if (!training || typeof training !== 'object') return null;
    const rows = Object.entries(training).filter(([, value]) => value === null || typeof value !== 'object');
    if (rows.length === 0) return null;
    return h('section', { class: 'panel', 'aria-labelledby': 'training-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'training-title', text: 'Training record' })),
      h('dl', { class: 'facts' }, rows.map(([key, value]) => [h('dt', { text: key }), h('dd', { class: 'mono', text: String(value) })])));
  }

  async function refreshStats() {
    try {
      const stats = await get('/api/stats');
      if (stopped) return;
      replace(statsArea, h('div', { class: 'stat-grid' },
        stat('Indexed crops', formatNumber(stats.indexedCrops), `${formatNumber(stats.indexedSinceStart)} since the site started`),
        stat('Capture → searchable, median', formatSeconds(stats.captureToSearchableP50Seconds), 'p50 of recent crops'),
        stat('Capture → searchable, p95', formatSeconds(stats.captureToSearchableP95Seconds), '95 % of recent crops were faster'),
        stat('Frames waiting', formatNumber(stats.frameBacklog), 'for person detection'),
        stat('Crops waiting', formatNumber(stats.cropBacklog), 'for the image tower')));
    } catch (error) {
      if (!stopped) replace(statsArea, notice(`Statistics could not be loaded: ${describeError(error)}`, 'error'));
    } finally {
      if (!stopped) timer = window.setTimeout(refreshStats, STATS_REFRESH_MS);
    }
  }
  refreshStats();

  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
