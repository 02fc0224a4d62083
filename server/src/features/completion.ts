import { DockerfileParser, From } from 'dockerfile-ast';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { CompletionItem, Position } from 'vscode-languageserver/node';
import type { Logger } from './logger';
import { errorText } from './logger';

/** The longest a completion may wait for Docker Hub's tag list. */
export const TAG_COMPLETION_BUDGET_MS = 750;
/** After Docker Hub failed to answer in time, tag completion stays offline this long. */
export const TAG_COMPLETION_BACKOFF_MS = 60_000;

/** Per-server state of image-tag completion (no module-level singletons: a server owns one). */
export class TagCompletionState {
    private offlineUntil = 0;

    constructor(private readonly now: () => number = Date.now) {}

    get offline(): boolean {
        return this.now() < this.offlineUntil;
    }

    timedOut(): void {
        this.offlineUntil = this.now() + TAG_COMPLETION_BACKOFF_MS;
    }
}

export interface CompletionInput {
    service: DockerfileLanguageService;
    text: string;
    position: Position;
    imageTags: boolean;
    state: TagCompletionState;
    logger: Logger;
    budgetMs?: number;
}

/** Whether `position` is in the tag of a FROM image (`FROM node:|`), where the service asks Docker Hub. */
export function inImageTag(text: string, position: Position): boolean {
    if (!mayBeInImageTag(text, position)) {
        return false;
    }
    const from = DockerfileParser.parse(text)
        .getInstructions()
        .find(
            (i) =>
                i instanceof From && i.getRange().start.line <= position.line && position.line <= i.getRange().end.line,
        );
    const range = from instanceof From ? from.getImageTagRange() : null;
    if (!range) {
        return false;
    }
    const afterStart =
        position.line > range.start.line ||
        (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd =
        position.line < range.end.line ||
        (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}

/**
 * A look at the cursor's line before parsing the file (completion then parses once, in the service):
 * when the line starts an instruction, i.e. the last line above it that is not blank or a comment does
 * not end with an escape character, the cursor can be in a FROM tag only if the line holds `from` and
 * a colon. Anything else (a continued instruction) takes the parse.
 */
export function mayBeInImageTag(text: string, position: Position): boolean {
    const lines = text.split(/\r\n|\r|\n/, position.line + 1);
    const line = lines[position.line] ?? '';
    for (let i = position.line - 1; i >= 0; i--) {
        const above = (lines[i] ?? '').trim(); // positions past the end come from clients too
        if (above === '' || above.startsWith('#')) {
            continue;
        }
        if (above.endsWith('\\') || above.endsWith('`')) {
            return true;
        }
        break;
    }
    return line.includes(':') && /from/i.test(line);
}

/**
 * The language service's completion. Everywhere but a FROM image tag it is local and synchronous;
 * in the tag it queries Docker Hub, which may be slow or unreachable (offline, proxies, air-gapped
 * machines). There it is skipped when `dockwise.completion.imageTags` is off, time-boxed to
 * `budgetMs` otherwise, and skipped for a minute after a timeout, so completion never hangs.
 */
export async function computeCompletion(input: CompletionInput): Promise<CompletionItem[]> {
    const { service, text, position } = input;
    const tag = inImageTag(text, position);
    if (tag && (!input.imageTags || input.state.offline)) {
        return [];
    }
    const answer = service.computeCompletionItems(text, position);
    if (!isThenable(answer)) {
        return answer;
    }
    const budget = input.budgetMs ?? TAG_COMPLETION_BUDGET_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), budget);
    });
    const items = Promise.resolve(answer).then(
        (value) => value,
        (e: unknown) => {
            input.logger.warn(`Image tag completion failed: ${errorText(e)}`);
            return [] as CompletionItem[];
        },
    );
    try {
        const first = await Promise.race([items, timeout]);
        if (first === 'timeout') {
            input.state.timedOut();
            input.logger.info(
                `Docker Hub did not answer within ${budget} ms: image tag completion is paused for ${TAG_COMPLETION_BACKOFF_MS / 1000} s.`,
            );
            return [];
        }
        return first;
    } finally {
        clearTimeout(timer);
    }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
    return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
