// One engine request shared by everyone who asks at about the same time. After a container event all four
// views want the container list; they get one /containers/json call between them, not four. Pure.

export class SharedQuery<T> {
    private inflight: Promise<T> | undefined;
    private value: { data: T; at: number } | undefined;
    private generation = 0;

    constructor(
        private readonly load: () => Promise<T>,
        /** How long a finished answer is reused (ms). */
        private readonly maxAgeMs: number,
        private readonly now: () => number = Date.now,
    ) {}

    get(): Promise<T> {
        if (this.value && this.now() - this.value.at <= this.maxAgeMs) {
            return Promise.resolve(this.value.data);
        }
        if (this.inflight) {
            return this.inflight;
        }
        const generation = this.generation;
        const p = this.load().then((data) => {
            // An invalidate() during the request means the answer may predate the change: do not cache it.
            if (generation === this.generation) {
                this.value = { data, at: this.now() };
            }
            return data;
        });
        this.inflight = p;
        const clear = (): void => {
            if (this.inflight === p) {
                this.inflight = undefined;
            }
        };
        p.then(clear, clear);
        return p;
    }

    /** Forgets the cached answer: the next get() asks the engine again (a request already running is not reused). */
    invalidate(): void {
        this.generation++;
        this.value = undefined;
        this.inflight = undefined;
    }
}
