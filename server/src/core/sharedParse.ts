import { type Dockerfile, DockerfileParser } from 'dockerfile-ast';

/**
 * Runs `f` (dockerfile-utils' validate) with `DockerfileParser.parse(text)` answered by `ast`, the parse
 * the model already holds: validate has no entry point taking a parsed file, and parsing the same text a
 * second time was a quarter of a lint (docs/lint-speed.md). Any other text is parsed as usual. The swap
 * lasts for the synchronous call only. The bench checks on every corpus file that validate reports the
 * same with the shared parse as with its own.
 */
export function withParsed<T>(text: string, ast: Dockerfile, f: () => T): T {
    const parse = DockerfileParser.parse;
    DockerfileParser.parse = (t: string) => (t === text ? ast : parse.call(DockerfileParser, t));
    try {
        return f();
    } finally {
        DockerfileParser.parse = parse;
    }
}
