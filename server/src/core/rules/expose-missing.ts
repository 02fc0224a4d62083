import { baseImage, commandServices, expand, type ServiceEvidence } from '../knowledge/finalImage';
import { canonicalReference } from '../../shared/imageReference';
import { portOf } from '../knowledge/serverCommands';
import type { Finding, Fix, Rule } from '../types';
import { finalEnv, finalInstructions, insertLinesBefore } from '../kit';

/** Kinds that listen on no port a user would publish (cron), or whose port should not be published (sshd). */
const NOT_PUBLISHED = new Set(['scheduler', 'remote-access', 'container-engine']);

const RANK: Partial<Record<string, number>> = { web: 0, app: 1 };

interface Port {
    port: number | undefined;
    /** Said by the command line or ENV, not guessed from the program's default. */
    explicit: boolean;
    /** Listens on a unix socket: nothing to expose. */
    socket: boolean;
}

function numeric(value: string | undefined): number | undefined {
    if (value === undefined || !/^\d+$/.test(value)) {
        return undefined;
    }
    const n = Number(value);
    return n > 0 && n <= 65535 ? n : undefined;
}

function portFor(e: ServiceEvidence, env: ReadonlyMap<string, string>, baseRef: string | undefined): Port {
    const raw = e.start?.port;
    if (raw !== undefined) {
        const value = expand(raw, env);
        return { port: numeric(value), explicit: true, socket: value !== undefined && value.includes('/') };
    }
    for (const name of e.service.portEnv ?? []) {
        const value = env.get(name);
        const port = value === undefined ? undefined : numeric(portOf(expand(value, env) ?? ''));
        if (port) {
            return { port, explicit: true, socket: false };
        }
    }
    if (e.service.id === 'aspnet') {
        // ASP.NET Core images listen on 8080 since .NET 8, on 80 before.
        const major = Number(/^(\d+)/.exec(canonicalReference(baseRef ?? '').tag ?? '')?.[1] ?? 8);
        return { port: major >= 8 ? 8080 : 80, explicit: false, socket: false };
    }
    return { port: e.service.ports[0], explicit: false, socket: false };
}

export const exposeMissing: Rule = {
    id: 'expose-missing',
    title: 'Declare the port the server listens on with EXPOSE',
    category: 'ports',
    defaultSeverity: 'warning',
    docs: {
        why: 'EXPOSE documents which port the container listens on. Without it, users must read the code to find the port, `docker run -P` publishes nothing, and tools such as Compose and the Docker sidebar cannot offer the port.',
        bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn\nCOPY . /app\nWORKDIR /app\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
        good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn\nCOPY . /app\nWORKDIR /app\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
        notes: 'Reported when the final image’s CMD/ENTRYPOINT starts a known network server (nginx, Apache, databases, gunicorn, uvicorn, `flask run`, `rails server`, `php -S`, `python -m http.server`, `npm start`, `node server.js`, `java -jar app.jar`, …) and no EXPOSE applies to the final image. An official server base image (`nginx`, `postgres`, `php:*-apache`, …) already exposes its port. Scripts are judged by their name: `node server.js` is a server, `node cli.js` is not. The quick fix uses the port from the command line (`--port 9000`, `-b 0.0.0.0:8000`), from ENV (`PORT`, `FLASK_RUN_PORT`, …) or the program’s default.',
    },
    equivalents: {},
    check({ model }) {
        const instructions = finalInstructions(model);
        if (!model.finalStage || instructions.some((i) => i.keyword === 'EXPOSE')) {
            return [];
        }
        const base = baseImage(model);
        if (base?.dynamic || (base?.known?.expose.length ?? 0) > 0) {
            return [];
        }
        const env = finalEnv(model);
        const findings: Finding[] = [];
        const seen = new Set<string>();
        const servers = commandServices(model, { baseImage: base?.ref }).filter(
            (e) => !NOT_PUBLISHED.has(e.service.kind),
        );
        // With several servers in one container (multiple-services reports that), only the front one is
        // reached from outside: asking to EXPOSE the database or PHP-FPM behind Apache would be bad advice.
        const front = Math.min(...servers.map((e) => RANK[e.service.kind] ?? 2));
        for (const e of servers) {
            if ((RANK[e.service.kind] ?? 2) > front || seen.has(e.service.id)) {
                continue;
            }
            const { port, explicit, socket } = portFor(e, env, base?.ref);
            if (socket) {
                continue;
            }
            seen.add(e.service.id);
            const fixes: Fix[] = port
                ? [
                      {
                          title: `Add EXPOSE ${port}`,
                          edits: [insertLinesBefore(model, e.inst, [`EXPOSE ${port}`])],
                          preferred: explicit,
                      },
                  ]
                : [];
            const label = e.service.label.replace(/^(a|an|the) /, (m) => m[0]!.toUpperCase() + m.slice(1));
            const message = port
                ? `${label} listens on port ${port}, but the image declares no EXPOSE: add \`EXPOSE ${port}\` so that users, \`docker run -P\` and Compose know which port to publish.`
                : `${label} serves on a network port, but the image declares no EXPOSE: add \`EXPOSE <port>\` with the port it listens on, so that users, \`docker run -P\` and Compose know which port to publish.`;
            findings.push({ range: e.range, message, fixes });
        }
        return findings;
    },
};
