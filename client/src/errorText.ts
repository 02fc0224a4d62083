// One line for a failure in a message or a log: an EngineError's words and what to do about it.
import { isEngineError } from './engine/types';

export function errorText(e: unknown): string {
    if (isEngineError(e)) {
        return e.fix ? `${e.message} ${e.fix}` : e.message;
    }
    return e instanceof Error ? e.message : String(e);
}
