// A seeded generator of realistic Dockerfiles for the benchmarks: stages, base images, package managers
// (apt/apk/yum/dnf/pip/npm), long RUN chains with continuations, heredocs, comments, ENV/ARG/LABEL,
// CMD/ENTRYPOINT in both forms, and the usual mistakes the linters look for. Same seed, same corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
    const pick = (list) => list[Math.floor(next() * list.length)];
    const chance = (p) => next() < p;
    const some = (list, lo, hi) => {
        const copy = [...list];
        const out = [];
        for (let n = int(lo, Math.min(hi, copy.length)); n > 0; n--) {
            out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
        }
        return out;
    };
    return { next, int, pick, chance, some };
}

const BASES = [
    { image: 'debian', tags: ['bookworm', 'bookworm-slim', '12', 'latest'], pm: 'apt' },
    { image: 'ubuntu', tags: ['22.04', '24.04', 'jammy', 'latest'], pm: 'apt' },
    { image: 'alpine', tags: ['3.20', '3.19', 'latest'], pm: 'apk' },
    { image: 'centos', tags: ['7', 'centos7'], pm: 'yum' },
    { image: 'amazonlinux', tags: ['2', '2023'], pm: 'yum' },
    { image: 'fedora', tags: ['40', '39'], pm: 'dnf' },
    { image: 'rockylinux', tags: ['9', '8'], pm: 'dnf' },
    { image: 'python', tags: ['3.12-slim', '3.11', '3.12-alpine'], pm: 'pip' },
    { image: 'node', tags: ['20-alpine', '22-bookworm', '18'], pm: 'npm' },
    { image: 'golang', tags: ['1.22', '1.23-alpine'], pm: 'go' },
    { image: 'nginx', tags: ['1.27', 'stable-alpine', 'latest'], pm: 'apt' },
    { image: 'php', tags: ['8.3-apache', '8.2-fpm'], pm: 'apt' },
    { image: 'eclipse-temurin', tags: ['21-jre', '17-jdk'], pm: 'apt' },
    { image: 'registry.example.com/team/base', tags: ['2.4.1', 'stable'], pm: 'apt' },
];

const PACKAGES = {
    apt: [
        'curl',
        'ca-certificates',
        'git',
        'build-essential',
        'libpq-dev',
        'nginx',
        'supervisor',
        'openssh-server',
        'wget',
        'unzip',
        'gnupg',
        'locales',
        'tzdata',
        'python3',
        'python3-pip',
        'libssl-dev',
        'pkg-config',
        'jq',
        'vim',
        'procps',
        'mysql-server',
        'redis-server',
        'cron',
    ],
    apk: [
        'curl',
        'ca-certificates',
        'git',
        'build-base',
        'postgresql-dev',
        'nginx',
        'supervisor',
        'openssh',
        'bash',
        'tzdata',
        'python3',
        'py3-pip',
        'openssl-dev',
        'jq',
        'su-exec',
        'tini',
        'redis',
    ],
    yum: [
        'curl',
        'git',
        'gcc',
        'make',
        'httpd',
        'openssl-devel',
        'wget',
        'unzip',
        'python3',
        'which',
        'tar',
        'procps-ng',
        'cronie',
        'mariadb-server',
    ],
    dnf: [
        'curl',
        'git',
        'gcc',
        'gcc-c++',
        'make',
        'nginx',
        'openssl-devel',
        'python3-pip',
        'tar',
        'findutils',
        'procps-ng',
        'postgresql-server',
    ],
    pip: [
        'flask',
        'gunicorn',
        'requests',
        'django==5.0.6',
        'psycopg2-binary',
        'celery',
        'redis',
        'uvicorn[standard]',
        'fastapi',
        'numpy',
        'pandas==2.2.2',
        'boto3',
    ],
    npm: ['pm2', 'typescript', 'serve', 'nodemon', '@nestjs/cli', 'yarn', 'pnpm', 'http-server'],
    go: ['github.com/go-delve/delve/cmd/dlv@latest', 'golang.org/x/tools/gopls@v0.16.0'],
};

const COMMENTS = [
    'Install the build dependencies first so this layer is cached.',
    'TODO: pin these versions',
    'Runtime configuration comes from the environment.',
    'Keep the image small: remove the package lists in the same layer.',
    'hadolint ignore=DL3008',
    'dockwise ignore=secret-in-env',
    'The application listens on this port.',
    'See https://docs.docker.com/develop/develop-images/dockerfile_best-practices/',
    'Copy only what the build needs (see .dockerignore).',
    'Non-root user for the runtime stage.',
];

const APPS = ['api', 'web', 'worker', 'gateway', 'scheduler', 'billing', 'auth', 'search', 'notifier', 'ingest'];

function installLine(r, pm, pkgs) {
    const cont = (list) => list.map((p) => `        ${p}`).join(' \\\n');
    switch (pm) {
        case 'apt':
            return r.chance(0.5)
                ? `RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n${cont(pkgs)} \\\n    && rm -rf /var/lib/apt/lists/*`
                : `RUN apt-get update && apt-get install -y ${pkgs.join(' ')}`;
        case 'apk':
            return r.chance(0.6)
                ? `RUN apk add --no-cache \\\n${cont(pkgs)}`
                : `RUN apk update && apk add ${pkgs.join(' ')}`;
        case 'yum':
            return `RUN yum install -y \\\n${cont(pkgs)} \\\n    && yum clean all${r.chance(0.5) ? ' \\\n    && rm -rf /var/cache/yum' : ''}`;
        case 'dnf':
            return `RUN dnf install -y ${pkgs.join(' ')}${r.chance(0.5) ? ' && dnf clean all' : ''}`;
        case 'pip':
            return r.chance(0.5)
                ? `RUN pip install --no-cache-dir \\\n${cont(pkgs)}`
                : `RUN pip install ${pkgs.join(' ')}`;
        case 'npm':
            return `RUN npm install -g ${pkgs.join(' ')}${r.chance(0.4) ? ' && npm cache clean --force' : ''}`;
        case 'go':
            return `RUN go install ${pkgs.join(' ')}`;
        default:
            return `RUN echo ${pkgs.join(' ')}`;
    }
}

function longChain(r, app) {
    const steps = [
        `mkdir -p /opt/${app}/bin /var/lib/${app}`,
        `curl -fsSL https://example.com/${app}/releases/v${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 9)}.tar.gz -o /tmp/${app}.tgz`,
        `echo "${'0123456789abcdef'.repeat(4)}  /tmp/${app}.tgz" | sha256sum -c -`,
        `tar -xzf /tmp/${app}.tgz -C /opt/${app} --strip-components=1`,
        `rm -f /tmp/${app}.tgz`,
        `groupadd -r ${app} && useradd -r -g ${app} -d /opt/${app} ${app}`,
        `chown -R ${app}:${app} /opt/${app} /var/lib/${app}`,
        `ln -sf /dev/stdout /var/log/${app}.log`,
        `sed -i 's/^#\\?listen .*/listen 0.0.0.0:${r.int(3000, 9000)}/' /etc/${app}.conf`,
        `find /opt/${app} -name '*.pyc' -delete`,
        `if [ -f /opt/${app}/setup.sh ]; then sh /opt/${app}/setup.sh --prefix=/usr/local; fi`,
        `for f in /opt/${app}/conf.d/*.conf; do cp "$f" /etc/${app}/; done`,
        `export PATH="/opt/${app}/bin:$PATH"`,
        `${app} --version`,
    ];
    const chosen = r.some(steps, 4, steps.length);
    return `RUN set -eux; \\\n    ${chosen.join(' \\\n    && ')}`;
}

function heredoc(r, app) {
    const body = [
        'set -e',
        `mkdir -p /etc/${app}`,
        `cat > /etc/${app}/config.yaml <<'YAML'`,
        `listen: 0.0.0.0:${r.int(3000, 9000)}`,
        `log_level: ${r.pick(['info', 'debug', 'warn'])}`,
        'YAML',
        `echo "configured ${app}"`,
    ];
    return r.chance(0.5)
        ? `RUN <<EOF\n${body.join('\n')}\nEOF`
        : `COPY <<-EOT /etc/${app}/motd\n\tWelcome to ${app}\n\tBuilt from a generated Dockerfile\nEOT`;
}

function cmdLine(r, app, kind) {
    const exec = r.chance(0.6);
    const forms = {
        python: [
            ['gunicorn', '--bind', '0.0.0.0:8000', `${app}.wsgi:application`],
            ['python', '-m', app],
        ],
        node: [
            ['node', 'server.js'],
            ['npm', 'start'],
        ],
        nginx: [['nginx', '-g', 'daemon off;']],
        other: [[`/opt/${app}/bin/${app}`, '--config', `/etc/${app}/config.yaml`]],
    };
    const argv = r.pick(forms[kind] ?? forms.other);
    if (r.chance(0.08)) {
        return 'CMD service nginx start && tail -f /dev/null';
    }
    if (r.chance(0.05)) {
        return 'CMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisor/supervisord.conf"]';
    }
    const keyword = r.chance(0.25) ? 'ENTRYPOINT' : 'CMD';
    return exec ? `${keyword} [${argv.map((a) => JSON.stringify(a)).join(', ')}]` : `${keyword} ${argv.join(' ')}`;
}

function stage(r, index, count, app, names) {
    const base = r.pick(BASES);
    const tag = r.pick(base.tags);
    const out = [];
    const fromAlias = index < count - 1 ? ` AS ${names[index]}` : r.chance(0.2) ? ' AS runtime' : '';
    if (r.chance(0.5)) {
        out.push(`# ${index === 0 ? 'Build' : 'Stage'} ${index + 1}: ${r.pick(COMMENTS)}`);
    }
    const image = index > 0 && r.chance(0.25) ? names[index - 1] : `${base.image}${r.chance(0.1) ? '' : `:${tag}`}`;
    out.push(
        `${r.chance(0.03) ? 'from' : 'FROM'} ${r.chance(0.1) ? '--platform=$BUILDPLATFORM ' : ''}${image}${fromAlias}`,
    );
    if (r.chance(0.3)) {
        out.push(`ARG ${app.toUpperCase()}_VERSION=${r.int(1, 5)}.${r.int(0, 30)}.${r.int(0, 9)}`);
    }
    if (r.chance(0.5)) {
        out.push(
            `LABEL org.opencontainers.image.title="${app}" \\\n      org.opencontainers.image.version="$${app.toUpperCase()}_VERSION" \\\n      maintainer="team-${app}@example.com"`,
        );
    } else if (r.chance(0.1)) {
        out.push(`MAINTAINER team-${app} <team-${app}@example.com>`);
    }
    const envs = [
        `ENV LANG=C.UTF-8 LC_ALL=C.UTF-8`,
        `ENV ${app.toUpperCase()}_HOME=/opt/${app}`,
        `ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1`,
        `ENV DEBIAN_FRONTEND noninteractive`,
        `ENV DB_PASSWORD=changeme-${r.int(100, 999)}`,
        `ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY${r.int(1000, 9999)}`,
        `ENV NODE_ENV=production PORT=${r.int(3000, 9000)}`,
    ];
    for (const e of r.some(envs, 0, 3)) {
        out.push(e);
    }
    out.push(`WORKDIR ${r.chance(0.1) ? app : `/opt/${app}`}`);
    const blocks = r.int(2, 7);
    for (let b = 0; b < blocks; b++) {
        if (r.chance(0.35)) {
            out.push('');
            out.push(`# ${r.pick(COMMENTS)}`);
        }
        const what = r.next();
        if (what < 0.3) {
            out.push(installLine(r, base.pm, r.some(PACKAGES[base.pm], 2, 9)));
        } else if (what < 0.5) {
            out.push(longChain(r, app));
        } else if (what < 0.58) {
            out.push(heredoc(r, app));
        } else if (what < 0.75) {
            const from = index > 0 && r.chance(0.5) ? `--from=${names[r.int(0, index - 1)]} ` : '';
            const chown = r.chance(0.3) ? `--chown=${app}:${app} ` : '';
            out.push(
                r.pick([
                    `COPY ${from}${chown}. /opt/${app}/`,
                    `COPY ${from}${chown}requirements.txt package*.json ./`,
                    `COPY ${from}--chmod=755 scripts/entrypoint.sh /usr/local/bin/`,
                    `ADD https://example.com/${app}/assets.tar.gz /tmp/`,
                    `ADD ${app}.tar.gz /opt/${app}/`,
                ]),
            );
        } else if (what < 0.85) {
            out.push(
                r.pick([
                    `RUN ${base.pm === 'apk' ? 'addgroup -S' : 'groupadd -r'} ${app} && ${base.pm === 'apk' ? 'adduser -S -G' : 'useradd -r -g'} ${app} ${app}`,
                    `RUN cd /opt/${app} && make build`,
                    `RUN echo 'ErrorLog /var/log/apache2/${app}-error.log' >> /etc/apache2/apache2.conf`,
                    `RUN ["/bin/sh", "-c", "echo building ${app}"]`,
                    `RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt`,
                    `RUN sudo chmod -R 777 /opt/${app}`,
                    `RUN ${app} migrate --noinput || true`,
                ]),
            );
        } else if (what < 0.9) {
            out.push(`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`);
        } else {
            out.push(`ARG BUILD_DATE\nARG VCS_REF`);
        }
    }
    if (index === count - 1) {
        if (r.chance(0.7)) {
            out.push(`EXPOSE ${r.pick(['80', '443', '8080', '3000/tcp', '5432', '8000 8443', '9090/udp'])}`);
        }
        if (r.chance(0.4)) {
            out.push(r.chance(0.5) ? `VOLUME ["/var/lib/${app}"]` : `VOLUME /data`);
        }
        if (r.chance(0.3)) {
            out.push(
                `HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\\n  CMD curl -fsS http://localhost:8080/health || exit 1`,
            );
        }
        if (r.chance(0.05)) {
            out.push(`ONBUILD COPY . /opt/${app}/`);
        }
        if (r.chance(0.7)) {
            out.push(`USER ${r.chance(0.8) ? app : 'root'}`);
        }
        if (r.chance(0.1)) {
            out.push('STOPSIGNAL SIGTERM');
        }
        const kind =
            base.pm === 'pip' ? 'python' : base.pm === 'npm' ? 'node' : base.image === 'nginx' ? 'nginx' : 'other';
        if (r.chance(0.3)) {
            out.push(`ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]`);
        }
        out.push(cmdLine(r, app, kind));
    }
    return out;
}

/** One Dockerfile. */
export function dockerfile(r) {
    const app = r.pick(APPS);
    const count = r.chance(0.45) ? 1 : r.int(2, 4);
    const names = ['builder', 'deps', 'assets', 'test'].slice(0, count);
    const out = [];
    if (r.chance(0.3)) {
        out.push('# syntax=docker/dockerfile:1');
    }
    if (r.chance(0.25)) {
        out.push(`# ${app}: generated for the Dockwise benchmarks`);
    }
    if (r.chance(0.15)) {
        out.push('ARG BASE_TAG=bookworm');
    }
    for (let i = 0; i < count; i++) {
        if (i > 0) {
            out.push('');
        }
        out.push(...stage(r, i, count, app, names));
    }
    return out.join('\n') + '\n';
}

/** `count` Dockerfiles from `seed`. */
export function generateCorpus(seed, count) {
    const r = rng(seed);
    return Array.from({ length: count }, () => dockerfile(r));
}

/** The repo's own Dockerfile fixtures (test/fixtures), as { name, text }. */
export function fixtureFiles(root) {
    const out = [];
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const p = path.join(dir, name);
            if (statSync(p).isDirectory()) {
                walk(p);
            } else if (
                /(^|\.)(dockerfile|containerfile)$/i.test(name) ||
                /^(Docker|Container)file(\..*)?$/.test(name)
            ) {
                out.push({ name: path.relative(root, p), text: readFileSync(p, 'utf8') });
            }
        }
    };
    walk(path.join(root, 'test', 'fixtures'));
    return out;
}

/**
 * One Dockerfile of exactly `lines` lines: generated files concatenated (many stages), padded with LABELs.
 * `singleStage`: every FROM after the first becomes a LABEL, so the file has one stage however long it is.
 */
export function bigDockerfile(seed, lines, { singleStage = false } = {}) {
    const r = rng(seed);
    const parts = [];
    let total = 0;
    let froms = 0;
    for (;;) {
        let text = dockerfile(r);
        if (singleStage) {
            text = text.replace(/^from .*$/gim, (line) =>
                froms++ === 0 ? line : `LABEL stage.${froms}="${line.slice(5)}"`,
            );
            text = text.replace(/--from=\S+ /g, '');
        }
        const n = text.split('\n').length - 1;
        if (total + n > lines) {
            break;
        }
        parts.push(text);
        total += n;
    }
    for (let i = 0; total < lines; i++, total++) {
        parts.push(`LABEL pad.${i}="x"\n`);
    }
    return parts.join('');
}

export const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
