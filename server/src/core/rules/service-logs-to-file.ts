import {
    type LogFile,
    type LoggingService,
    linkedToStreams,
    loggingService,
    logPathVars,
    mayCopyConfig,
} from '../knowledge/logging';
import { knownImage } from '../knowledge/officialImages';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';
import {
    appendCommand,
    copyDestination,
    finalEnv,
    finalInstructions,
    installedPackages,
    runCommands,
    stageChain,
} from '../kit';

/** A COPY into the service's config directory (or over `/etc` wholesale) may bring a config we cannot see. */
function copiesConfig(final: Instruction[], svc: LoggingService): boolean {
    return final
        .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
        .some((i) => mayCopyConfig(copyDestination(i), svc.configDirs));
}

/** Destinations that reach `docker logs`, as configs and sed replacements write them. */
const STREAM = String.raw`(?:/dev/std(?:out|err)|/proc/(?:self|1)/fd/[12]|\bstderr\b|syslog:)`;

/** The Dockerfile points the file's directive at a stream (`ErrorLog /dev/stderr`, `s!…CustomLog…!\1 /proc/self/fd/1!`). */
function toStream(log: LogFile, config: string): boolean {
    return new RegExp(`${log.directive.source}[^\n]{0,80}?${STREAM}`, log.directive.flags).test(config);
}

/**
 * The links chained at the end of the installing RUN (` && ln -sf /dev/stdout … && ln -sf …`); when
 * that RUN cannot take them, a RUN of its own right after it, which the title says it leaves.
 */
function linkFix(model: DockerfileModel, inst: Instruction, logs: LogFile[]): Fix {
    const links = logs.map((l) => `ln -sf /dev/${l.stream} ${l.path}`);
    const streams = logs.map((l) => `/dev/${l.stream}`).join(', ');
    const chained = appendCommand(model, inst, links.join(` ${model.escape}${model.eol}    && `));
    if (chained) {
        return {
            title: `Link the log files to the container's output (${streams})`,
            edits: [chained],
            preferred: true,
        };
    }
    const text = `RUN ${links.join(` ${model.escape}${model.eol}    && `)}`;
    const end = model.offsetAt(inst.range.end);
    const nl = model.text.indexOf('\n', end);
    const at = model.positionAt(nl < 0 ? model.text.length : nl + 1);
    return {
        title: `Link the log files to the container's output (${streams}) in a RUN of its own (it leaves two RUNs in a row)`,
        edits: [{ range: { start: at, end: at }, newText: nl < 0 ? `${model.eol}${text}` : `${text}${model.eol}` }],
        preferred: true,
    };
}

function check(model: DockerfileModel): Finding[] {
    const final = finalInstructions(model);
    const root = stageChain(model.finalStage).pop();
    const baseServices = (root ? knownImage(root.image)?.services : undefined) ?? [];
    const vars = logPathVars(finalEnv(model));
    const linked = linkedToStreams(
        runCommands(final).map((r) => r.cmd),
        vars,
    );
    // Config the Dockerfile writes or passes on the command line.
    const config = final
        .filter((i) => ['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD'].includes(i.keyword))
        .map((i) => i.args().text)
        .join('\n');
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const pkg of installedPackages(final)) {
        const svc = loggingService(pkg.name, pkg.manager);
        if (!svc || seen.has(svc.id)) {
            continue;
        }
        seen.add(svc.id);
        if (baseServices.includes(svc.id) || copiesConfig(final, svc)) {
            continue;
        }
        const logs = svc.logs(pkg.name, pkg.manager);
        const dir = svc.logDir(pkg.name, pkg.manager);
        const missing = logs?.filter((l) => !linked.has(l.path) && !toStream(l, config));
        if (missing?.length === 0) {
            continue;
        }
        if (!missing && ([...linked].some((p) => p.startsWith(`${dir}/`)) || /\berror_log\b/.test(config))) {
            continue;
        }
        const what = missing ? missing.map((l) => `\`${l.path}\``).join(', ') : `files under \`${dir}\``;
        findings.push({
            range: pkg.word.range,
            message: `${svc.label}, installed here, writes its logs to ${what}, and \`docker logs\` only sees the container's stdout and stderr. Link the files to /dev/stdout (access logs) and /dev/stderr (error logs) with \`ln -sf\` right after installing it, as the official images do, or configure it to log there.`,
            fixes: missing ? [linkFix(model, pkg.inst, missing)] : [],
        });
    }
    return findings;
}

export const serviceLogsToFile: Rule = {
    id: 'service-logs-to-file',
    title: 'Send the logs of installed servers to stdout and stderr',
    category: 'logging',
    defaultSeverity: 'warning',
    docs: {
        why: 'Servers installed from distribution packages (nginx, Apache, MySQL, PHP-FPM, …) log to files under /var/log by default. `docker logs` and every logging driver (json-file, local, syslog, journald, fluentd, gelf, awslogs, …) only see the container’s stdout and stderr, so those logs are invisible, fill the container’s disk, and vanish with it. Link the files to /dev/stdout and /dev/stderr, as the official nginx and httpd images do.',
        bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nCMD ["nginx", "-g", "daemon off;"]\n',
        good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nRUN ln -sf /dev/stdout /var/log/nginx/access.log \\\n    && ln -sf /dev/stderr /var/log/nginx/error.log\nCMD ["nginx", "-g", "daemon off;"]\n',
        notes: [
            'Known services and their default log files: nginx (`/var/log/nginx/access.log`, `error.log`), Apache on Debian/Ubuntu (`/var/log/apache2/access.log`, `error.log`, `other_vhosts_access.log`) and Alpine, httpd on RHEL-family images (`/var/log/httpd/access_log`, `error_log`), MySQL and MariaDB servers on Debian/Ubuntu (`/var/log/mysql/error.log`), PHP-FPM (`/var/log/phpX.Y-fpm.log`, `/var/log/phpXY/error.log`, `/var/log/php-fpm/error.log`), lighttpd and Squid.',
            'Not reported: when the base image is the official image of that server (it already does this), when the Dockerfile links the files (`ln -sf /dev/stdout …`) or points the directive that chooses them at a stream (`ErrorLog /dev/stderr`, a `sed` that rewrites `CustomLog` to `/proc/self/fd/1`, `log_error = /dev/stderr`), and when it COPYs files into the server’s config directory, since that config cannot be seen.',
            'The quick fix inserts `RUN ln -sf /dev/stdout <access log> && ln -sf /dev/stderr <error log>` after the installing RUN, keeping the file’s line endings and escape character.',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        return check(model);
    },
};
