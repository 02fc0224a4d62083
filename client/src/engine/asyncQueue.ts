// A push → async-iterator bridge with a high-water mark, so a slow consumer pauses the producing socket.

export class AsyncQueue<T> implements AsyncIterable<T> {
    private readonly items: T[] = [];
    private waiting: ((r: IteratorResult<T>) => void) | undefined;
    private failWaiting: ((e: unknown) => void) | undefined;
    private ended = false;
    private error: unknown;

    constructor(
        private readonly highWater = 1000,
        /** Called when the queue drops below the high-water mark after having reached it. */
        private readonly onDrain?: () => void,
    ) {}

    /** false once the queue is full: the producer should pause until onDrain. */
    push(item: T): boolean {
        if (this.ended) {
            return false;
        }
        if (this.waiting) {
            const w = this.waiting;
            this.waiting = this.failWaiting = undefined;
            w({ value: item, done: false });
            return true;
        }
        this.items.push(item);
        return this.items.length < this.highWater;
    }

    /** Ends the iteration after the queued items; with an error, the iterator throws it after them. */
    end(error?: unknown): void {
        if (this.ended) {
            return;
        }
        this.ended = true;
        this.error = error;
        if (this.waiting && this.items.length === 0) {
            const w = this.waiting;
            const f = this.failWaiting;
            this.waiting = this.failWaiting = undefined;
            if (error !== undefined) {
                f?.(error);
            } else {
                w({ value: undefined, done: true });
            }
        }
    }

    get isEnded(): boolean {
        return this.ended;
    }

    private next(): Promise<IteratorResult<T>> {
        if (this.items.length > 0) {
            const value = this.items.shift() as T;
            if (this.items.length === this.highWater - 1) {
                this.onDrain?.();
            }
            return Promise.resolve({ value, done: false });
        }
        if (this.ended) {
            if (this.error !== undefined) {
                const e = this.error;
                this.error = undefined;
                return Promise.reject(e instanceof Error ? e : new Error(String(e)));
            }
            return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
            this.waiting = resolve;
            this.failWaiting = reject;
        });
    }

    [Symbol.asyncIterator](): AsyncIterator<T> {
        return {
            next: () => this.next(),
            return: () => {
                this.items.length = 0;
                this.end();
                return Promise.resolve({ value: undefined, done: true });
            },
        };
    }
}
