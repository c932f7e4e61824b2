// The cameras the user may see (GET /api/cameras), cached for names in results and filters.
import { get } from './api.js';

let cameras = [];
let loaded = null;

/** Loads the list once (or again with force) and returns it. */
export async function loadCameras(force = false) {
  if (!loaded || force) {
    loaded = get('/api/cameras').then((list) => {
      cameras = Array.isArray(list) ? list : [];
      return cameras;
    }).catch((error) => {
      loaded = null;
      throw error;
    });
  }
  return loaded;
}

/** Replaces the cache with a list fetched elsewhere (the cameras page refreshes it every 2 s). */
export function setCameras(list) {
  cameras = Array.isArray(list) ? list : [];
  loaded = Promise.resolve(cameras);
}

export function cameraList() {
  return cameras;
}

let lastRefresh = 0;

/**
 * Reloads the list when it does not know one of these camera ids (a camera added since), at most once
 * every 5 s; resolves true when it reloaded.
 */
export async function refreshIfUnknown(ids) {
  const unknown = ids.some((id) => !cameras.some((c) => c.id === id));
  if (!unknown || Date.now() - lastRefresh < 5000) return false;
  lastRefresh = Date.now();
  try {
    await loadCameras(true);
    return true;
  } catch {
    return false;
  }
}

/** The display name of a camera, or its id while the list does not know it. */
export function cameraName(id) {
  const camera = cameras.find((c) => c.id === id);
  return camera ? camera.name : id;
}
