// Every regular expression written in the lint core, read from the sources with the TypeScript
// parser (a regex built at run time with `new RegExp` is listed separately, by its text), and a
// static check for the shape that backtracks exponentially: a repeated group that itself holds an
// unbounded repetition, as `(a+)*` or `([a-z0-9.]*)*`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from './generate';

export interface RegexSite {
    /** Repository-relative path and 1-based line. */
    where: string;
    source: string;
    flags: string;
}

function tsFiles(dir: string): string[] {
    return readdirSync(dir)
        .sort()
        .flatMap((name) => {
            const p = path.join(dir, name);
            return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
        });
}

/** Regex literals and `new RegExp(...)` calls of every .ts file under `dir` (repository-relative). */
export function regexSites(dir = 'server/src/core'): { literals: RegexSite[]; constructed: string[] } {
    const literals: RegexSite[] = [];
    const constructed: string[] = [];
    for (const file of tsFiles(path.join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8');
        const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
        const where = (node: ts.Node) =>
            `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
        const visit = (node: ts.Node): void => {
            if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
                const lit = node.getText(sf);
                const end = lit.lastIndexOf('/');
                literals.push({ where: where(node), source: lit.slice(1, end), flags: lit.slice(end + 1) });
            } else if (
                (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
                node.expression.getText(sf) === 'RegExp'
            ) {
                constructed.push(`${where(node)} ${node.getText(sf).replace(/\s+/g, ' ')}`);
            }
            ts.forEachChild(node, visit);
        };
        visit(sf);
    }
    return { literals, constructed };
}

interface Scan {
    i: number;
    /** Whether what was scanned can repeat without bound (holds `*`, `+` or `{n,}`). */
    unbounded: boolean;
}

/**
 * The repeated groups of `source` whose body holds an unbounded repetition (star height 2), as
 * source text. Such a group is exponential when one string splits among the iterations in many
 * ways; a separator that each iteration must start with (`(?:,\s*\w+)*`) rules that out, which is
 * for a reviewer (and the timing test) to confirm.
 */
export function nestedQuantifiers(source: string): string[] {
    const found: string[] = [];
    const quantifier = (i: number): { next: number; unbounded: boolean } => {
        const c = source[i];
        let next = i;
        let unbounded = false;
        if (c === '*' || c === '+') {
            next = i + 1;
            unbounded = true;
        } else if (c === '?') {
            next = i + 1;
        } else if (c === '{') {
            const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
            if (m) {
                next = i + m[0].length;
                unbounded = m[2] !== undefined && m[3] === '';
            }
        }
        if (next > i && source[next] === '?') {
            next++; // Lazy: the same backtracking.
        }
        return { next, unbounded };
    };
    const sequence = (start: number): Scan => {
        let i = start;
        let unbounded = false;
        while (i < source.length && source[i] !== ')') {
            const c = source[i]!;
            let atomEnd: number;
            let inner = false;
            let groupStart = -1;
            if (c === '\\') {
                atomEnd = i + 2;
            } else if (c === '[') {
                let j = i + 1;
                while (j < source.length && source[j] !== ']') {
                    j += source[j] === '\\' ? 2 : 1;
                }
                atomEnd = j + 1;
            } else if (c === '(') {
                groupStart = i;
                let j = i + 1;
                const prefix = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(j));
                j += prefix ? prefix[0].length : 0;
                const body = sequence(j);
                inner = body.unbounded;
                atomEnd = body.i + 1;
            } else {
                atomEnd = i + 1;
            }
            const q = quantifier(atomEnd);
            if (q.unbounded && inner && groupStart >= 0) {
                found.push(source.slice(groupStart, q.next));
            }
            unbounded ||= q.unbounded || inner;
            i = q.next;
        }
        return { i, unbounded };
    };
    for (let i = 0; i < source.length;) {
        i = sequence(i).i + 1; // An unbalanced `)` (escaped in a class): go on after it.
    }
    return found;
}
