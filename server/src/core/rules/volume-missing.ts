import type { TextEdit } from 'vscode-languageserver-types';
import {
    baseImage,
    commandServices,
    covers,
    declaredVolumes,
    expand,
    packageServices,
    type ServiceEvidence,
} from '../knowledge/finalImage';
import type { DockerfileModel } from '../model';
import type { Finding, Rule } from '../types';
import { finalEnv, insertLinesBefore } from '../kit';

/** The data directory a service uses here: from its command line or ENV when set, else its defaults. */
function dataDirs(e: ServiceEvidence, packaged: ServiceEvidence | undefined, env: ReadonlyMap<string, string>) {
    const svc = e.service;
    const given = e.start?.dataDir ?? (svc.dataDirEnv ? env.get(svc.dataDirEnv) : undefined);
    if (given !== undefined) {
        const dir = expand(given, env);
        return dir === undefined ? undefined : { suggest: dir, candidates: [dir] };
    }
    const family = packaged?.family;
    const suggest = (family && svc.familyDataDirs?.[family]) ?? svc.dataDirs[0];
    return suggest ? { suggest, candidates: svc.dataDirs } : undefined;
}

/** Where a VOLUME line goes: before the final stage's CMD/ENTRYPOINT, or at the end when RUN steps follow them. */
function volumeEdit(model: DockerfileModel, dir: string): TextEdit {
    const line = `VOLUME ${JSON.stringify([dir])}`;
    const stage = model.finalStage?.instructions ?? [];
    const startAt = stage.findIndex((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const runAfter = startAt >= 0 && stage.slice(startAt).some((i) => i.keyword === 'RUN');
    if (startAt >= 0 && !runAfter) {
        return insertLinesBefore(model, stage[startAt]!, [line]);
    }
    const end = model.positionAt(model.text.length);
    const newline = model.text === '' || /\n$/.test(model.text) ? '' : model.eol;
    return { range: { start: end, end }, newText: `${newline}${line}${model.eol}` };
}

export const volumeMissing: Rule = {
    id: 'volume-missing',
    title: 'Declare the service’s data directory as a VOLUME',
    category: 'persistence',
    defaultSeverity: 'warning',
    docs: {
        why: 'A database or other stateful service writes its data into a directory such as /var/lib/mysql. Without a VOLUME there, the data lives in the container’s writable layer: it is slow, and it is lost when the container is removed or replaced by a new version.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql\nUSER postgres\nCMD ["/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/data"]\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql\nUSER postgres\nVOLUME ["/var/lib/postgresql/data"]\nCMD ["/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/data"]\n',
        notes: 'The service is found from the final image’s CMD/ENTRYPOINT or from the server packages it installs (MySQL/MariaDB /var/lib/mysql, PostgreSQL /var/lib/postgresql or `$PGDATA`, MongoDB /data/db, Redis /data, RabbitMQ /var/lib/rabbitmq, Elasticsearch, the Docker engine /var/lib/docker, …). Command-line options (`--datadir`, `-D`, `--dbpath`, `--dir`) and `ENV PGDATA` are honoured. A VOLUME on the directory, a parent or a child counts, and so does an official base image that declares one (`FROM postgres`). The quick fix adds a VOLUME line; mount a named volume there at run time (`docker run -v pgdata:/var/lib/postgresql/data`).',
    },
    equivalents: {},
    check({ model }) {
        if (!model.finalStage) {
            return [];
        }
        const base = baseImage(model);
        const volumes = declaredVolumes(model);
        if (volumes.unknown) {
            return [];
        }
        const env = finalEnv(model);
        const packages = packageServices(model);
        // A running command says more (and carries its options) than an installed package.
        const commands = base?.dynamic ? [] : commandServices(model, { baseImage: base?.ref });
        const findings: Finding[] = [];
        const seen = new Set<string>();
        for (const e of [...commands, ...packages]) {
            const svc = e.service;
            if (seen.has(svc.id)) {
                continue;
            }
            seen.add(svc.id);
            const dirs = dataDirs(
                e,
                packages.find((p) => p.service.id === svc.id),
                env,
            );
            const imageVolumes = base?.known?.volumes ?? [];
            const baseRunsIt = imageVolumes.length > 0 && base?.known?.services.includes(svc.id) === true;
            if (!dirs || baseRunsIt || covers([...volumes.paths, ...imageVolumes], dirs.candidates)) {
                continue;
            }
            findings.push({
                range: e.range,
                message: `${svc.label} keeps its data in ${dirs.suggest}, but no VOLUME covers it, so the data stays in the container’s writable layer and is lost with the container. Declare \`VOLUME ${dirs.suggest}\` and mount a named volume there (\`docker run -v ${svc.id}-data:${dirs.suggest}\`).`,
                fixes: [{ title: `Add VOLUME ["${dirs.suggest}"]`, edits: [volumeEdit(model, dirs.suggest)] }],
            });
        }
        return findings;
    },
};
