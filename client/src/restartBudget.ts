/**
 * How often a crashed language server is restarted: at most `max` restarts within `windowMs`
 * (a server that crashes on one file would otherwise restart forever and flood the log).
 * Pure, so it is tested without VS Code.
 */
export class RestartBudget {
    private restarts: number[] = [];

    constructor(
        readonly max = 4,
        readonly windowMs = 3 * 60 * 1000,
        private readonly now: () => number = Date.now,
    ) {}

    /** Records a crash; true if the server may be restarted for it. */
    tryRestart(): boolean {
        const now = this.now();
        this.restarts = this.restarts.filter((t) => now - t < this.windowMs);
        if (this.restarts.length >= this.max) {
            return false;
        }
        this.restarts.push(now);
        return true;
    }

    /** Restarts used in the current window. */
    get used(): number {
        const now = this.now();
        return this.restarts.filter((t) => now - t < this.windowMs).length;
    }

    reset(): void {
        this.restarts = [];
    }
}
