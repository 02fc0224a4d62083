import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { type DocumentSymbol, type Range, SymbolKind, type SymbolInformation } from 'vscode-languageserver/node';

/**
 * The outline. The language service lists every instruction flat; for clients that show a tree
 * those same symbols are grouped under one node per build stage (named by its alias, or its
 * image), so a multi-stage Dockerfile reads as its stages.
 */
export function computeSymbols(
    service: DockerfileLanguageService,
    uri: string,
    text: string,
    hierarchical: boolean,
): SymbolInformation[] | DocumentSymbol[] {
    const flat = service.computeSymbols({ uri }, text);
    return hierarchical ? groupByStage(flat, text) : flat;
}

const key = (p: Range['start']) => `${p.line}:${p.character}`;

function groupByStage(flat: SymbolInformation[], text: string): DocumentSymbol[] {
    const instructions = DockerfileParser.parse(text).getInstructions();
    // The service's range is the keyword; the tree wants the whole instruction as a symbol's range.
    const byKeyword = new Map<string, Instruction>(instructions.map((i) => [key(i.getInstructionRange().start), i]));
    const top: DocumentSymbol[] = [];
    let stage: DocumentSymbol | undefined;
    let stageIndex = 0;
    for (const symbol of flat) {
        const selectionRange = symbol.location.range;
        const instruction = byKeyword.get(key(selectionRange.start));
        const range = instruction ? instruction.getRange() : selectionRange;
        if (instruction?.getKeyword() === 'FROM') {
            stage = stageSymbol(instruction, range, selectionRange, stageIndex++);
            top.push(stage);
            continue;
        }
        const node: DocumentSymbol = { name: symbol.name, kind: symbol.kind, range, selectionRange };
        if (stage && instruction) {
            stage.children!.push(node);
            stage.range = { start: stage.range.start, end: range.end };
        } else {
            top.push(node);
        }
    }
    return top;
}

function stageSymbol(from: Instruction, range: Range, selectionRange: Range, index: number): DocumentSymbol {
    const words = from.getArguments().map((a) => a.getValue());
    const positional = words.filter((w) => !w.startsWith('--'));
    const image = positional[0] ?? '';
    const alias = positional[1]?.toUpperCase() === 'AS' ? positional[2] : undefined;
    return {
        name: alias ?? (image || `stage ${index}`),
        detail: alias ? `FROM ${image}` : `stage ${index}`,
        kind: SymbolKind.Module,
        range,
        selectionRange,
        children: [],
    };
}
