// What the search page shows, kept across page changes, and "more like this" requests made
// elsewhere (an alert's detail view) for the search page to run when it opens.

export const searchState = {
  text: '',
  cameras: [],
  range: 'any',
  customFrom: '',
  customTo: '',
  response: null,
  similarTo: null,
  previous: null,
  selected: 0,
  pendingSimilar: null,
};

/** Asks the search page for people like this crop (and shows the search page). */
export function requestSimilar(crop) {
  searchState.pendingSimilar = crop;
  if (window.location.hash.startsWith('#/search')) {
    window.dispatchEvent(new CustomEvent('vfetps:similar'));
  } else {
    window.location.hash = '#/search';
  }
}
