import type { Command } from '../commands';

/**
 * Where logs go: paths that reach `docker logs`, server directives that choose a log file, and the
 * services whose distribution packages log to files by default.
 */

/** The container's own output streams, under every name a config or shell may use. */
const STD_STREAM = /^(?:\/dev\/(?:stdout|stderr|fd\/[12])|\/proc\/(?:self|1)\/fd\/[12])$/;

export function isStdStream(path: string): boolean {
    return STD_STREAM.test(path);
}

/** Device files: writing there is not writing a log file (`/dev/null` discards). */
export function isDevice(path: string): boolean {
    return /^\/dev\/(?!shm\/|mqueue\/)/.test(path) || isStdStream(path);
}

/** Server directives that choose a log destination, and the stream that should replace a file. */
export const LOG_DIRECTIVES: Readonly<Record<string, 'stdout' | 'stderr'>> = {
    access_log: 'stdout',
    error_log: 'stderr',
    customlog: 'stdout',
    transferlog: 'stdout',
    errorlog: 'stderr',
    log_error: 'stderr',
    'log-error': 'stderr',
    general_log_file: 'stdout',
    slow_query_log_file: 'stdout',
};

export interface DirectiveMatch {
    directive: string;
    value: string;
    /** Offsets of the whole `directive value` piece and of the value, in the searched text. */
    start: number;
    valueStart: number;
    end: number;
}

/**
 * `access_log /var/log/nginx/app.log`, `error_log = /var/log/php.log`, `ErrorLog logs/error.log`,
 * `log_error = /var/log/mysql/error.log` in a config snippet (also after a literal `\n` of
 * `printf`). Commented-out lines are skipped.
 */
export function logDirectives(text: string): DirectiveMatch[] {
    const out: DirectiveMatch[] = [];
    const re =
        /(^|[\s;{'"|]|\\[nt])(access_log|error_log|CustomLog|TransferLog|ErrorLog|log[-_]error|general_log_file|slow_query_log_file)(\s*=\s*|\s+)("?)((?:\$\{[^}\s]*\}|[^\s;"'{}\\])+)/gi;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index + m[1]!.length;
        const lineStart = text.lastIndexOf('\n', start) + 1;
        if (text.slice(lineStart, start).includes('#')) {
            continue;
        }
        const valueStart = start + m[2]!.length + m[3]!.length + m[4]!.length;
        out.push({
            directive: m[2]!,
            value: m[5]!,
            start,
            valueStart,
            end: valueStart + m[5]!.length,
        });
    }
    return out;
}

/**
 * Whether a log destination is a file in the container: not a stream, a device, `off`, `stderr`,
 * syslog, nginx's memory buffer, a pipe to a program, or a value only known at run time.
 */
export function isLogFile(value: string): boolean {
    const v = value.trim();
    if (v === '' || v.startsWith('$') || v.startsWith('|') || isDevice(v)) {
        return false;
    }
    if (/^(?:off|on|stderr|stdout|syslog|memory|none|-)$/i.test(v) || /^(?:syslog|memory|stderr):/i.test(v)) {
        return false;
    }
    return v.includes('/') || v.includes('.');
}

/**
 * Options that name a log file (`--log-file`, `--logfile`, `--logpath`, `--access-logfile`,
 * `--error-log`, `--logto`), compared without dashes, underscores and case.
 */
const LOG_FILE_OPTIONS = new Set([
    'logfile',
    'logpath',
    'logto',
    'logfilepath',
    'logfilename',
    'accesslog',
    'accesslogfile',
    'errorlog',
    'errorlogfile',
    'logerror',
]);

export function isLogFileOption(option: string): boolean {
    return option.startsWith('-') && LOG_FILE_OPTIONS.has(option.replace(/[-_]/g, '').toLowerCase());
}

export interface LogFile {
    path: string;
    stream: 'stdout' | 'stderr';
    /** The config directive that sets it: writing it in the Dockerfile counts as handling the file. */
    directive: RegExp;
}

export interface LoggingService {
    /** Id in the service catalog (services.ts), to know which base images already handle it. */
    id: string;
    label: string;
    /** Package names for this manager; `undefined` for managers the entry does not cover. */
    packages: (name: string, manager: string) => boolean;
    /** Log files for the package that matched; `undefined` when they depend on a version the name does not give. */
    logs: (name: string, manager: string) => LogFile[] | undefined;
    /** Where its logs are, for messages when the exact files are unknown. */
    logDir: (name: string, manager: string) => string;
    /** Config directories: a COPY there may bring a config that logs elsewhere. */
    configDirs: readonly string[];
}

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const RPM = new Set(['yum', 'dnf', 'microdnf']);

const NGINX_ACCESS = /\baccess_log\b/;
const NGINX_ERROR = /\berror_log\b/;
const APACHE_ACCESS = /\bCustomLog\b|\bTransferLog\b/i;
const APACHE_ERROR = /\bErrorLog\b/i;

function file(path: string, stream: 'stdout' | 'stderr', directive: RegExp): LogFile {
    return { path, stream, directive };
}

export const LOGGING_SERVICES: readonly LoggingService[] = [
    {
        id: 'nginx',
        label: 'nginx',
        packages: (n) => /^nginx(?:-(?:full|light|extras|core|mainline))?$/.test(n),
        logs: () => [
            file('/var/log/nginx/access.log', 'stdout', NGINX_ACCESS),
            file('/var/log/nginx/error.log', 'stderr', NGINX_ERROR),
        ],
        logDir: () => '/var/log/nginx',
        configDirs: ['/etc/nginx'],
    },
    {
        id: 'apache',
        label: 'Apache httpd',
        packages: (n, m) => (n === 'apache2' && (APT.has(m) || m === 'apk')) || (n === 'httpd' && RPM.has(m)),
        logs: (n, m) =>
            n === 'httpd'
                ? [
                      file('/var/log/httpd/access_log', 'stdout', APACHE_ACCESS),
                      file('/var/log/httpd/error_log', 'stderr', APACHE_ERROR),
                  ]
                : [
                      file('/var/log/apache2/access.log', 'stdout', APACHE_ACCESS),
                      file('/var/log/apache2/error.log', 'stderr', APACHE_ERROR),
                      ...(m === 'apk'
                          ? []
                          : [file('/var/log/apache2/other_vhosts_access.log', 'stdout', APACHE_ACCESS)]),
                  ],
        logDir: (n) => (n === 'httpd' ? '/var/log/httpd' : '/var/log/apache2'),
        configDirs: ['/etc/apache2', '/etc/httpd'],
    },
    {
        id: 'mysql',
        label: 'MySQL',
        packages: (n, m) => APT.has(m) && /^(?:default-)?mysql-server(?:-[\d.]+)?$/.test(n),
        logs: () => [file('/var/log/mysql/error.log', 'stderr', /\blog[-_]error\b/)],
        logDir: () => '/var/log/mysql',
        configDirs: ['/etc/mysql'],
    },
    {
        id: 'mariadb',
        label: 'MariaDB',
        packages: (n, m) => APT.has(m) && /^mariadb-server(?:-[\d.]+)?$/.test(n),
        logs: () => [file('/var/log/mysql/error.log', 'stderr', /\blog[-_]error\b/)],
        logDir: () => '/var/log/mysql',
        configDirs: ['/etc/mysql'],
    },
    {
        id: 'php-fpm',
        label: 'PHP-FPM',
        packages: (n, m) =>
            (APT.has(m) && /^php(?:\d+\.\d+)?-fpm$/.test(n)) ||
            (m === 'apk' && /^php\d+-fpm$/.test(n)) ||
            (RPM.has(m) && n === 'php-fpm'),
        logs: (n, m) => {
            const version = /^php([\d.]+)-fpm$/.exec(n)?.[1];
            if (RPM.has(m)) {
                return [file('/var/log/php-fpm/error.log', 'stderr', NGINX_ERROR)];
            }
            if (!version) {
                return undefined;
            }
            const path = m === 'apk' ? `/var/log/php${version}/error.log` : `/var/log/php${version}-fpm.log`;
            return [file(path, 'stderr', NGINX_ERROR)];
        },
        logDir: (_n, m) => (RPM.has(m) ? '/var/log/php-fpm' : m === 'apk' ? '/var/log/php*' : '/var/log'),
        configDirs: ['/etc/php', '/etc/php-fpm.d', '/etc/php-fpm.conf'],
    },
    {
        id: 'lighttpd',
        label: 'lighttpd',
        packages: (n, m) => APT.has(m) && n === 'lighttpd',
        logs: () => [file('/var/log/lighttpd/error.log', 'stderr', /\bserver\.errorlog\b/)],
        logDir: () => '/var/log/lighttpd',
        configDirs: ['/etc/lighttpd'],
    },
    {
        id: 'squid',
        label: 'Squid',
        packages: (n, m) => APT.has(m) && n === 'squid',
        logs: () => [
            file('/var/log/squid/access.log', 'stdout', NGINX_ACCESS),
            file('/var/log/squid/cache.log', 'stderr', /\bcache_log\b/),
        ],
        logDir: () => '/var/log/squid',
        configDirs: ['/etc/squid'],
    },
];

/** The logging entry for an installed package, if it is a service that logs to files. */
export function loggingService(name: string, manager: string): LoggingService | undefined {
    return LOGGING_SERVICES.find((s) => s.packages(name, manager));
}

/** Variables the distributions' configs use in log paths, for `ln -sf /dev/stdout "$APACHE_LOG_DIR/…"`. */
const LOG_PATH_DEFAULTS: Readonly<Record<string, string>> = {
    APACHE_LOG_DIR: '/var/log/apache2',
};

/** The final image's ENV values over the distributions' log path variables. */
export function logPathVars(env: ReadonlyMap<string, string>): Record<string, string> {
    return { ...LOG_PATH_DEFAULTS, ...Object.fromEntries(env) };
}

/** A COPY or ADD to this destination may bring config from these directories (or all of `/etc`). */
export function mayCopyConfig(dest: string | undefined, dirs: readonly string[]): boolean {
    const d = (dest ?? '').replace(/(?<!\/)\/+$/, '');
    return d === '' || d === '/etc' || dirs.some((c) => d === c || d.startsWith(`${c}/`));
}

/** Expands `$NAME` and `${NAME}` from `vars` (unknown names stay as written). */
export function expandVars(text: string, vars: Readonly<Record<string, string>>): string {
    return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a?: string, b?: string) => vars[(a ?? b)!] ?? m);
}

/**
 * Paths the Dockerfile turns into links to the container's output (`ln -sf /dev/stdout
 * /var/log/nginx/access.log`), as the official nginx and httpd images do.
 */
export function linkedToStreams(cmds: readonly Command[], vars: Readonly<Record<string, string>>): Set<string> {
    const out = new Set<string>();
    for (const cmd of cmds) {
        if (cmd.name !== 'ln' || !cmd.args.some((a) => /^-[a-zA-Z]*s|^--symbolic$/.test(a.value))) {
            continue;
        }
        const operands = cmd.args.filter((a) => !a.value.startsWith('-')).map((a) => expandVars(a.value, vars));
        if (operands.length === 2 && isStdStream(operands[0]!)) {
            out.add(operands[1]!.replace(/(?<!\/)\/+$/, ''));
        }
    }
    return out;
}
