import type { SharedMap, SharedMaps } from './types';

/** Most maps kept; past it the oldest goes first (each is up to a few hundred KB). */
const MAX_MAPS = 200;

/**
 * Opinion maps for a store that only one process uses: there is nobody to share them with,
 * so they are kept in memory and "exclusive" only needs to hold within this process (the
 * read model already shares one computation among concurrent readers).
 */
export class LocalMaps implements SharedMaps {
  private readonly maps = new Map<string, SharedMap>();

  async read(surveyId: string, version: number, key: string): Promise<SharedMap | undefined> {
    return this.maps.get(JSON.stringify([surveyId, version, key]));
  }

  async write(surveyId: string, version: number, key: string, map: SharedMap): Promise<void> {
    const id = JSON.stringify([surveyId, version, key]);
    this.maps.delete(id);
    this.maps.set(id, map);
    if (this.maps.size > MAX_MAPS) this.maps.delete(this.maps.keys().next().value!);
  }

  exclusive<T>(_surveyId: string, _version: number, _key: string, compute: () => Promise<T>): Promise<T> {
    return compute();
  }
}
