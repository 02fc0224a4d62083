import type { Finding, Rule } from '../types';
import { exposeTokens } from './expose-invalid';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** Separate from expose-invalid because it is a style warning, while a bad port breaks the build. */
export const exposeProtoCasing: Rule = {
    id: 'expose-proto-casing',
    title: 'Write the EXPOSE protocol in lower case',
    category: 'ports',
    defaultSeverity: 'warning',
    docs: {
        why: 'Docker spells protocols `tcp`, `udp` and `sctp`. An upper-case protocol (`80/TCP`) still builds, but BuildKit warns about it (ExposeProtoCasing): keep the canonical lower-case spelling.',
        bad: 'FROM nginx:1.27\nEXPOSE 80/TCP 53/Udp\n',
        good: 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n',
    },
    equivalents: { buildkit: ['ExposeProtoCasing'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'EXPOSE') {
                continue;
            }
            for (const t of exposeTokens(model, inst)) {
                const proto = t.proto;
                if (proto === undefined || !t.protoRange || proto === proto.toLowerCase()) {
                    continue;
                }
                const lower = proto.toLowerCase();
                if (!PROTOCOLS.has(lower)) {
                    continue;
                }
                findings.push({
                    range: t.protoRange,
                    message: `Write the protocol in lower case: \`${t.port}/${lower}\`.`,
                    fixes: [
                        {
                            title: `Change to ${lower}`,
                            edits: [{ range: t.protoRange, newText: lower }],
                            preferred: true,
                        },
                    ],
                });
            }
        }
        return findings;
    },
};
