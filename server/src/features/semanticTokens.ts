import { DockerfileParser } from 'dockerfile-ast';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { DockerSemanticTokens } from 'dockerfile-language-service/lib/dockerSemanticTokens';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';

/** The legend dockerfile-language-service encodes with (its TokensLegend, in index and bit order). */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
    tokenTypes: [
        'keyword',
        'comment',
        'parameter',
        'property',
        'namespace',
        'class',
        'macro',
        'string',
        'variable',
        'operator',
        'modifier',
    ],
    tokenModifiers: ['declaration', 'definition', 'deprecated'],
};

/**
 * The language service's semantic tokens, computed in linear time. Its tokenizer appends every
 * token with `this.tokens = this.tokens.concat([...])`, which copies the whole array each time:
 * 1,200 lines took 1.8 s and 4,800 lines 42 s, blocking the server (and so diagnostics) on every
 * edit. Giving it an array whose `concat` appends in place keeps its logic and output unchanged
 * (a protocol test compares both on the same file); if its internals ever change shape, the
 * service's own method is used.
 */
export function computeSemanticTokens(service: DockerfileLanguageService, content: string): SemanticTokens {
    if (!affordable(content)) {
        return { data: [] };
    }
    const tokenizer = new DockerSemanticTokens(content);
    const internals = tokenizer as unknown as { tokens?: unknown };
    if (!Array.isArray(internals.tokens) || internals.tokens.length !== 0) {
        return service.computeSemanticTokens(content);
    }
    const tokens: number[] = [];
    Object.defineProperty(tokens, 'concat', {
        value(this: number[], items: number[]): number[] {
            for (const item of items) {
                this.push(item);
            }
            return this;
        },
    });
    internals.tokens = tokens;
    let result: SemanticTokens;
    try {
        result = tokenizer.computeSemanticTokens();
    } catch (e) {
        // A comment line then an empty line inside a continued instruction (`RUN a\`, `# c`, ``, `b`)
        // sends its createToken into endless recursion (found by `npm run fuzz`): keep the TextMate colouring.
        if (e instanceof RangeError) {
            return { data: [] };
        }
        throw e;
    }
    // A plain array again, so nothing downstream sees the patched concat.
    return { data: Array.from(result.data) };
}

/**
 * Above this many arguments in one instruction the tokenizer is too slow to run on every edit:
 * dockerfile-ast recomputes an instruction's arguments for each token, so the cost grows with the
 * square of the argument count (300 arguments ~0.1 s, 2,400 ~6 s). Such files (a minified RUN, a
 * generated package list) keep the TextMate colouring.
 */
export const MAX_TOKENIZED_ARGUMENTS = 600;

function affordable(content: string): boolean {
    return DockerfileParser.parse(content)
        .getInstructions()
        .every((i) => i.getArguments().length <= MAX_TOKENIZED_ARGUMENTS);
}
