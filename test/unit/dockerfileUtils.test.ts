import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from 'dockerfile-utils';
import {
    closeMatches,
    OWNED_ELSEWHERE,
    ownedElsewhere,
    runValidation,
    typoDistance,
    utilsDiagnostics,
    validation,
    ValidationCode,
} from '../../server/src/core/kit';
import { lint } from '../../server/src/core/lint';
import { buildModel } from '../../server/src/core/model';
import { RULES } from '../../server/src/core/rules';

/** The rules of this module: those mapping dockerfile-utils codes, minus the owners elsewhere. */
const owners = new Set(OWNED_ELSEWHERE.map((o) => o.ruleId));
const UTILS_RULES = RULES.filter((r) => r.equivalents.dockerfileUtils?.length && !owners.has(r.id));

/** Each code once (FLAG_INVALID_LINK_VALUE is an alias of FLAG_EXPECTED_BOOLEAN_VALUE). */
const CODES = [...new Set(Object.values(ValidationCode).filter((v): v is number => typeof v === 'number'))];

/**
 * An indented instruction with a variable before the first FROM sends dockerfile-ast's
 * Dockerfile.resolveVariable into endless recursion (found by fuzzing; ENVIRONMENT.md saw 28 such
 * files in 2,000).
 */
const OVERFLOW = '\tLABEL version=$VERSION\nFROM alpine:3.20\nMAINTAINER me\nCMD tail -f /dev/null\n';

describe('dockerfile-utils mapping', () => {
    it('maps every code to exactly one Dockwise rule or a documented owner elsewhere', () => {
        assert.ok(CODES.length >= 52);
        for (const code of CODES) {
            const name = ValidationCode[code]!;
            const mapped = UTILS_RULES.filter((r) => r.equivalents.dockerfileUtils!.includes(name)).map((r) => r.id);
            const elsewhere = OWNED_ELSEWHERE.filter((o) => o.code === code);
            if (elsewhere.some((o) => o.keyword === undefined)) {
                assert.deepEqual(mapped, [], `${name} belongs to ${elsewhere[0]!.ruleId}`);
            } else {
                assert.equal(mapped.length, 1, `${name} → ${mapped.join(', ') || 'no rule'}`);
            }
        }
    });
    it('documents exactly these exclusions', () => {
        assert.deepEqual(
            OWNED_ELSEWHERE.map((o) => [ValidationCode[o.code], o.keyword ?? '*', o.ruleId]),
            [
                ['INVALID_PORT', '*', 'expose-invalid'],
                ['INVALID_PROTO', '*', 'expose-invalid'],
                ['JSON_IN_SINGLE_QUOTES', 'VOLUME', 'volume-json-single-quotes'],
            ],
        );
    });
    it('names only real codes', () => {
        for (const rule of UTILS_RULES) {
            for (const name of rule.equivalents.dockerfileUtils!) {
                assert.equal(
                    typeof ValidationCode[name as keyof typeof ValidationCode],
                    'number',
                    `${rule.id}: ${name}`,
                );
            }
        }
    });
    it('reports every diagnostic dockerfile-utils emits exactly once, with its message and range', () => {
        const files = [
            ...UTILS_RULES.map((r) => r.docs.bad),
            "# ESCAPE=`\n# escape=\\\nfrom alpine:3.20 AS 1a\nMAINTAINER me\nCMD a\nCMD ['a']\nWORKDIR app\nSTOPSIGNAL NOPE\nSTOPSIGNAL 1 2\nRUN a \\\n\n b\nHEALTHCHECK --intervall=5s --retries=x --timeout=5 CMD\nCOPY --chwn=1 --from a b c\nADD --link=maybe a\nFROM x:@ AS b\nFROM y AS b\nONBUILD ONBUILD RUN x\nONBUILD FROM x\nRUM bar\nENV a\nLABEL a=b c\nSHELL /bin/sh\nSHELL []\nCOPY ${a:x} /\nFROM $NOPE AZ c\nEXPOSE 80/xyz\nVOLUME ['/d']\nHEALTHCHECK NONE a\nHEALTHCHECK FOO\nHEALTHCHECK\nEXPOSE\n",
            "FROM a\nVOLUME ['/x']\nONBUILD VOLUME ['/y']\n",
            'RUN x\nFROM --foo=bar a b\nENV "a=b c=d\nENV =x\nCOPY --from=-x a /b\nHEALTHCHECK --interval=-1s --start-period=1q CMD x\n',
            "FROM a\nCOPY --chown=a --chown=b x /x\nHEALTHCHECK --interval=abc CMD x\nEXPOSE abc\nENV A='x\nADD --foo=1 a /a\n",
        ];
        const seen = new Set<string>();
        for (const text of files) {
            const got = lint(text, { allRules: true }, UTILS_RULES).diagnostics;
            const model = buildModel(text);
            for (const d of validate(text, {
                deprecatedMaintainer: 1,
                directiveCasing: 1,
                emptyContinuationLine: 1,
                instructionCasing: 1,
                instructionCmdMultiple: 1,
                instructionEntrypointMultiple: 1,
                instructionHealthcheckMultiple: 1,
                instructionJSONInSingleQuotes: 1,
                instructionWorkdirRelative: 1,
            })) {
                const code = d.code as ValidationCode;
                seen.add(ValidationCode[code]);
                const mine = got.filter(
                    (g) => JSON.stringify(g.range) === JSON.stringify(d.range) && g.message.startsWith(d.message),
                );
                const owned = ownedElsewhere(model, { ...d, code }) !== undefined;
                assert.equal(mine.length, owned ? 0 : 1, `${ValidationCode[code]} "${d.message}" in\n${text}`);
            }
        }
        // The files above exercise every code dockerfile-utils can emit (ARGUMENT_REQUIRES_ONE is dead code).
        const missing = CODES.map((c) => ValidationCode[c]).filter(
            (n) => n !== undefined && !seen.has(n) && n !== 'ARGUMENT_REQUIRES_ONE',
        );
        assert.deepEqual(missing, []);
    });
});

describe('dockerfile-utils guard', () => {
    it('no longer overflows on the sample file: dockerfile-ast is patched (upstreamBugs.ts)', () => {
        assert.doesNotThrow(() => validate(OVERFLOW));
    });
    it('lints the sample in full', () => {
        const result = lint(OVERFLOW, { allRules: true });
        assert.deepEqual(result.failures, []);
        assert.deepEqual(
            result.diagnostics
                .filter((d) => ['keep-alive-hack', 'maintainer-deprecated'].includes(d.ruleId))
                .map((d) => [d.ruleId, d.range.start.line]),
            [
                ['maintainer-deprecated', 2],
                ['keep-alive-hack', 3],
            ],
        );
    });
    it('asks dockerfile-utils once per model and throws once', () => {
        const model = buildModel(OVERFLOW);
        // An overflow nothing works around (the sample's is): the validation's first user throws.
        validation(model, (text) =>
            runValidation(text, () => {
                throw new RangeError('Maximum call stack size exceeded');
            }),
        );
        assert.throws(() => utilsDiagnostics(model, [ValidationCode.DEPRECATED_MAINTAINER]), /could not validate/);
        assert.deepEqual(utilsDiagnostics(model, [ValidationCode.DEPRECATED_MAINTAINER]), []);
        const ok = buildModel('FROM a\nMAINTAINER me\n');
        const first = utilsDiagnostics(ok, [ValidationCode.DEPRECATED_MAINTAINER]);
        assert.equal(first.length, 1);
        assert.equal(utilsDiagnostics(ok, [ValidationCode.DEPRECATED_MAINTAINER])[0], first[0]);
    });
    it('turns any throw of the validate function into an error value', () => {
        const v = runValidation('FROM a\n', () => {
            throw new TypeError("Cannot read properties of undefined (reading 'getHeredocs')");
        });
        assert.equal(v.error, "TypeError: Cannot read properties of undefined (reading 'getHeredocs')");
        assert.equal(v.byCode.size, 0);
        assert.equal(
            runValidation('FROM a\n', () => {
                throw 'plain';
            }).error,
            'plain',
        );
    });
    it('turns every configurable check on', () => {
        let settings: unknown;
        runValidation('FROM a\n', (_text, s) => {
            settings = s;
            return [];
        });
        assert.deepEqual(Object.keys(settings as object).sort(), [
            'deprecatedMaintainer',
            'directiveCasing',
            'emptyContinuationLine',
            'instructionCasing',
            'instructionCmdMultiple',
            'instructionEntrypointMultiple',
            'instructionHealthcheckMultiple',
            'instructionJSONInSingleQuotes',
            'instructionWorkdirRelative',
        ]);
        assert.ok(Object.values(settings as object).every((s) => s !== 0));
    });
});

describe('dockerfile-utils helpers', () => {
    it('measures typos', () => {
        assert.equal(typoDistance('chwn', 'chown'), 1);
        assert.equal(typoDistance('cpoy', 'copy'), 1);
        assert.equal(typoDistance('form', 'from'), 1);
        assert.deepEqual(closeMatches('Rum', ['RUN', 'ARG']), ['RUN']);
        assert.deepEqual(closeMatches('RUN', ['RUN']), []);
        assert.deepEqual(closeMatches('xyz', ['RUN']), []);
    });
});
