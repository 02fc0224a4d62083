import { DEFAULT_SETTINGS, type DockwiseSettings, normalizeSettings } from '../shared/settings';
import type { Logger } from './logger';
import { errorText } from './logger';

/** Asks the client for the `dockwise` section as it applies to one document. */
export type ConfigurationFetcher = (uri: string) => Promise<unknown>;

/**
 * Settings per document. With a client that answers `workspace/configuration` they are fetched
 * per resource (folder and language overrides apply) and cached until the configuration changes;
 * otherwise every document uses the settings last pushed by `workspace/didChangeConfiguration`.
 */
export class SettingsStore {
    private readonly pending = new Map<string, Promise<DockwiseSettings>>();
    private readonly resolved = new Map<string, DockwiseSettings>();
    /** Bumped on every clear, so a fetch that was in flight cannot refill the cache with old values. */
    private generation = 0;
    private global: DockwiseSettings = DEFAULT_SETTINGS;

    constructor(
        private readonly fetcher: ConfigurationFetcher | undefined,
        private readonly logger: Logger,
    ) {}

    /** The settings for `uri`, fetched once per configuration generation. */
    get(uri: string): Promise<DockwiseSettings> {
        if (!this.fetcher) {
            return Promise.resolve(this.global);
        }
        const known = this.pending.get(uri);
        if (known) {
            return known;
        }
        const generation = this.generation;
        const promise = this.fetcher(uri).then(
            (raw) => normalizeSettings(raw),
            (e: unknown) => {
                this.logger.warn(`Could not read the dockwise settings for ${uri}, using defaults: ${errorText(e)}`);
                return DEFAULT_SETTINGS;
            },
        );
        this.pending.set(uri, promise);
        void promise.then((settings) => {
            if (generation === this.generation) {
                this.resolved.set(uri, settings);
            }
        });
        return promise;
    }

    /** The settings for `uri` if already known: lets a change be linted synchronously. */
    peek(uri: string): DockwiseSettings | undefined {
        return this.fetcher ? this.resolved.get(uri) : this.global;
    }

    /** The configuration changed: forget everything; `payload` is the pushed settings object, if any. */
    reset(payload: unknown): void {
        this.generation++;
        this.pending.clear();
        this.resolved.clear();
        if (!this.fetcher) {
            const section = (payload as { dockwise?: unknown } | null | undefined)?.dockwise;
            this.global = normalizeSettings(section);
        }
    }

    forget(uri: string): void {
        this.pending.delete(uri);
        this.resolved.delete(uri);
    }
}
