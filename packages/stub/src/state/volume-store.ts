import { entryAt, type TimelineEntry } from './timeline.js';

/** A volume to register: free, or attached to a Lite Server. */
export interface VolumeInput {
  volumeId: string;
  /** When set, the volume is only found under this project. */
  projectId?: string;
  /** The server it is attached to; free when absent. */
  attachedTo?: string;
}

/** A registered volume, as it is at the time it is read. */
export interface StoredVolume {
  volumeId: string;
  projectId?: string;
  attachedTo?: string;
  /** The attach or detach operation running on it, if any: it is busy until that operation ends. */
  operationId?: string;
}

/** A running attach/detach: applied when its timeline reaches `success`, dropped on `failure`. */
interface Transition {
  operationId: string;
  createdAt: number;
  timeline: TimelineEntry[];
  success: string;
  failure: string;
  attachedTo: string | undefined;
}

/** UUIDs compare case-insensitively (spec decision `volume-id-rules`). */
function volumeKey(volumeId: string): string {
  return volumeId.toLowerCase();
}

/**
 * The volumes of a stub's state. Attach and detach change a volume lazily: the change is applied the
 * first time the volume is read after its operation succeeded on the stub's clock.
 *
 * @example
 * const volumes = createVolumeStore(() => clock.now());
 * volumes.create({ volumeId });
 */
export function createVolumeStore(now: () => number) {
  const volumes = new Map<string, StoredVolume>();
  const transitions = new Map<string, Transition>();

  const settle = (volume: StoredVolume): StoredVolume => {
    const k = volumeKey(volume.volumeId);
    const transition = transitions.get(k);
    if (transition === undefined) return volume;
    const status = entryAt(transition.timeline, now() - transition.createdAt).status;
    if (status !== transition.success && status !== transition.failure) return volume;
    transitions.delete(k);
    const { operationId: _, ...settled } = volume;
    if (status === transition.success) {
      if (transition.attachedTo === undefined) delete settled.attachedTo;
      else settled.attachedTo = transition.attachedTo;
    }
    volumes.set(k, settled);
    return settled;
  };

  return {
    create(input: VolumeInput): StoredVolume {
      const { volumeId, projectId, attachedTo } = input;
      if (typeof volumeId !== 'string' || volumeId === '') {
        throw new TypeError('invalid volume: volumeId must be a non-empty string');
      }
      const volume: StoredVolume = { volumeId };
      if (projectId !== undefined) volume.projectId = projectId;
      if (attachedTo !== undefined) volume.attachedTo = attachedTo;
      transitions.delete(volumeKey(volumeId));
      volumes.set(volumeKey(volumeId), volume);
      return volume;
    },
    /** The volume as it is now, or undefined (also when registered under another project). */
    find(volumeId: string, projectId: string): StoredVolume | undefined {
      const volume = volumes.get(volumeKey(volumeId));
      if (volume === undefined) return undefined;
      if (volume.projectId !== undefined && volume.projectId !== projectId) return undefined;
      return settle(volume);
    },
    /** Marks the volume busy with an operation that attaches it (or, with undefined, frees it). */
    begin(volumeId: string, transition: Transition): void {
      const k = volumeKey(volumeId);
      const volume = volumes.get(k);
      if (volume === undefined) return;
      transitions.set(k, transition);
      volumes.set(k, { ...volume, operationId: transition.operationId });
    },
    isEmpty: (): boolean => volumes.size === 0,
    list: (): StoredVolume[] => [...volumes.values()].map(settle),
    clear(): void {
      volumes.clear();
      transitions.clear();
    },
  };
}
