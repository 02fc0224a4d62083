/**
 * Servers that fork into the background (daemonize), by default or when asked to, and how to keep
 * each in the foreground. Only behaviour documented by the programs themselves is listed, so that
 * a finding is never a guess.
 */

/** A flag or verb that sends the program to the background. */
export interface DaemonFlag {
    /** Matches the argument. */
    arg: RegExp;
    /** The next argument must match too (`-k start`, `--daemonize yes`). */
    value?: RegExp;
    /** Words that replace the flag (and its value) to stay in the foreground; `[]` removes it. */
    replaceWith?: readonly string[];
}

export interface Daemon {
    /** Program basenames. */
    names: RegExp;
    /**
     * Forks unless an argument matches (`-D` for sshd) or the test passes. Absent: runs in the
     * foreground unless a flag says otherwise.
     */
    foregroundUnless?: RegExp | ((args: readonly string[]) => boolean);
    /** The flag the quick fix adds when the program forks by default. */
    addFlag?: readonly string[];
    /** Flags and verbs that daemonize explicitly. */
    flags?: readonly DaemonFlag[];
    /** Arguments meaning the command does not start a server (config test, version, signal). */
    notStarting?: RegExp;
    /**
     * The default may be changed by a config file: the rule only trusts it when the image's config
     * cannot differ (no COPY into these directories, no RUN writing `text`, no official base image).
     */
    config?: { dirs: readonly string[]; text: RegExp; customFlag?: RegExp; services?: readonly string[] };
    /** How to run it in the foreground, for messages. */
    foreground: string;
}

const VERSION_HELP = /^(?:-v|-V|--version|-h|--help|-\?)$/;

export const DAEMONS: readonly Daemon[] = [
    {
        names: /^(?:nginx|openresty)$/,
        foregroundUnless: /daemon\s+off/,
        addFlag: ['-g', 'daemon off;'],
        notStarting: /^(?:-s|-t|-T|-v|-V|-h|-\?|-q)$/,
        config: {
            dirs: ['/etc/nginx', '/usr/local/nginx/conf', '/usr/local/openresty/nginx/conf'],
            text: /daemon\s+off/,
            customFlag: /^-[cp]$/,
        },
        foreground: 'nginx -g "daemon off;"',
    },
    {
        names: /^(?:apachectl|apache2ctl)$/,
        flags: [
            { arg: /^(?:start|restart|graceful)$/, replaceWith: ['-D', 'FOREGROUND'] },
            { arg: /^-k$/, value: /^(?:start|restart|graceful)$/, replaceWith: ['-D', 'FOREGROUND'] },
        ],
        foreground: 'apache2ctl -D FOREGROUND',
    },
    {
        names: /^(?:httpd|apache2)$/,
        // `-f` alone is busybox httpd's foreground switch; `-f <file>` is Apache's config file.
        foregroundUnless: (args) =>
            args.some((a) => /^(?:-D)?(?:FOREGROUND|NO_DETACH)$|^-X$/.test(a)) ||
            args.some((a, i) => a === '-f' && !/^[^-]/.test(args[i + 1] ?? '')),
        addFlag: ['-D', 'FOREGROUND'],
        flags: [{ arg: /^-k$/, value: /^(?:start|restart|graceful)$/, replaceWith: ['-D', 'FOREGROUND'] }],
        notStarting: /^(?:-t|-v|-V|-S|-M|-l|-L|-h|-k)$/,
        foreground: 'httpd -D FOREGROUND',
    },
    {
        names: /^php-fpm[\d.]*$/,
        foregroundUnless: /^(?:-F|--nodaemonize)$/,
        addFlag: ['-F'],
        flags: [{ arg: /^(?:-D|--daemonize)$/, replaceWith: ['-F'] }],
        notStarting: /^(?:-t|--test|-tt|-v|-i|-m|-h|--help|--version)$/,
        config: {
            dirs: ['/etc/php', '/usr/local/etc'],
            text: /daemonize\s*=\s*(?:no|false|off|0)\b/,
            services: ['php-fpm'],
        },
        foreground: 'php-fpm -F',
    },
    {
        names: /^sshd$/,
        foregroundUnless: /^-[a-zA-Z]*[Ddi]/,
        addFlag: ['-D'],
        notStarting: /^-[a-zA-Z]*[tTV]/,
        foreground: '/usr/sbin/sshd -D -e',
    },
    {
        names: /^redis-server$/,
        flags: [{ arg: /^--daemonize$/, value: /^yes$/i, replaceWith: ['--daemonize', 'no'] }],
        foreground: 'redis-server',
    },
    { names: /^memcached$/, flags: [{ arg: /^(?:-d|--daemon)$/, replaceWith: [] }], foreground: 'memcached' },
    { names: /^(?:mongod|mongos)$/, flags: [{ arg: /^--fork$/, replaceWith: [] }], foreground: 'mongod' },
    {
        names: /^(?:mysqld|mariadbd)$/,
        flags: [{ arg: /^--daemonize(?:=(?:1|on|true))?$/i, replaceWith: [] }],
        foreground: 'mysqld',
    },
    {
        names: /^(?:cron|crond)$/,
        foregroundUnless: /^-[a-zA-Z]*[fn]/,
        addFlag: ['-f'],
        foreground: 'cron -f',
    },
    {
        names: /^(?:rsyslogd|syslogd|syslog-ng)$/,
        foregroundUnless: /^-[a-zA-Z]*[nF]|^--foreground$/,
        notStarting: /^-N/,
        addFlag: ['-n'],
        foreground: 'rsyslogd -n',
    },
    {
        names: /^dnsmasq$/,
        foregroundUnless: /^(?:-[a-zA-Z]*[kd]|--keep-in-foreground|--no-daemon|--test)$/,
        addFlag: ['-k'],
        foreground: 'dnsmasq -k',
    },
    {
        names: /^squid$/,
        foregroundUnless: /^-[a-zA-Z]*N/,
        addFlag: ['-N'],
        notStarting: /^-[a-zA-Z]*[zkv]|^-h$/,
        foreground: 'squid -N',
    },
    {
        names: /^lighttpd$/,
        foregroundUnless: /^-D$/,
        addFlag: ['-D'],
        notStarting: /^(?:-tt?|-v|-V|-h|-p)$/,
        foreground: 'lighttpd -D -f /etc/lighttpd/lighttpd.conf',
    },
    {
        names: /^named$/,
        foregroundUnless: /^-[a-zA-Z]*[fg]/,
        addFlag: ['-g'],
        notStarting: VERSION_HELP,
        foreground: 'named -g',
    },
    {
        names: /^(?:smbd|nmbd|winbindd|samba)$/,
        foregroundUnless: /^(?:-F|--foreground|-i|--interactive)$/,
        addFlag: ['--foreground'],
        notStarting: VERSION_HELP,
        foreground: 'smbd --foreground --no-process-group',
    },
    {
        names: /^ntpd$/,
        foregroundUnless: /^-[a-zA-Z]*[nd]/,
        notStarting: /^-[a-zA-Z]*q/,
        addFlag: ['-n'],
        foreground: 'ntpd -n',
    },
    {
        names: /^chronyd$/,
        foregroundUnless: /^-[a-zA-Z]*d/,
        notStarting: /^-[qQ]$/,
        addFlag: ['-d'],
        foreground: 'chronyd -d',
    },
    {
        names: /^transmission-daemon$/,
        foregroundUnless: /^(?:-f|--foreground)$/,
        addFlag: ['-f'],
        foreground: 'transmission-daemon -f',
    },
    {
        names: /^proftpd$/,
        foregroundUnless: /^(?:-n|--nodaemon)$/,
        addFlag: ['-n'],
        notStarting: /^(?:-t|--configtest|-v|--version)$/,
        foreground: 'proftpd -n',
    },
    {
        names: /^xinetd$/,
        foregroundUnless: /^(?:-dontfork|-d)$/,
        addFlag: ['-dontfork'],
        foreground: 'xinetd -dontfork',
    },
    {
        names: /^(?:vncserver|tightvncserver|vnc4server)$/,
        foregroundUnless: /^-fg$/,
        addFlag: ['-fg'],
        notStarting: /^-(?:kill|list|version|help)$/,
        foreground: 'vncserver -fg',
    },
    { names: /^x11vnc$/, flags: [{ arg: /^-bg$/, replaceWith: [] }], foreground: 'x11vnc' },
    { names: /^postfix$/, flags: [{ arg: /^start$/, replaceWith: ['start-fg'] }], foreground: 'postfix start-fg' },
    { names: /^(?:exim|exim4)$/, flags: [{ arg: /^-bd$/, replaceWith: ['-bdf'] }], foreground: 'exim -bdf' },
    { names: /^pg_ctl$/, flags: [{ arg: /^(?:start|restart)$/ }], foreground: 'postgres -D <data directory>' },
    {
        names: /^pg_ctlcluster$/,
        foregroundUnless: /^--foreground$/,
        flags: [{ arg: /^(?:start|restart)$/ }],
        foreground: 'pg_ctlcluster --foreground <version> <cluster> start',
    },
    { names: /^gunicorn$/, flags: [{ arg: /^(?:-D|--daemon)$/, replaceWith: [] }], foreground: 'gunicorn' },
    { names: /^uwsgi$/, flags: [{ arg: /^(?:-d|--daemonize2?)(?:=.*)?$/ }], foreground: 'uwsgi (without --daemonize)' },
    { names: /^puma$/, flags: [{ arg: /^(?:-d|--daemon)$/, replaceWith: [] }], foreground: 'puma' },
    {
        names: /^(?:unicorn|unicorn_rails)$/,
        flags: [{ arg: /^(?:-D|--daemonize)$/, replaceWith: [] }],
        foreground: 'unicorn',
    },
    {
        names: /^celery$/,
        flags: [
            { arg: /^--detach$/, replaceWith: [] },
            { arg: /^multi$/, value: /^(?:start|restart)$/ },
        ],
        foreground: 'celery -A app worker',
    },
    { names: /^catalina\.sh$/, flags: [{ arg: /^start$/, replaceWith: ['run'] }], foreground: 'catalina.sh run' },
    { names: /^startup\.sh$/, foregroundUnless: /.^/, foreground: 'catalina.sh run' },
    {
        names: /^zkServer\.sh$/,
        flags: [{ arg: /^start$/, replaceWith: ['start-foreground'] }],
        foreground: 'zkServer.sh start-foreground',
    },
    {
        names: /^(?:kafka|zookeeper)-server-start\.sh$/,
        flags: [{ arg: /^-daemon$/, replaceWith: [] }],
        foreground: 'kafka-server-start.sh config/server.properties',
    },
    {
        names: /^elasticsearch$/,
        flags: [{ arg: /^(?:-d|--daemonize)$/, replaceWith: [] }],
        foreground: 'elasticsearch',
    },
    { names: /^rabbitmq-server$/, flags: [{ arg: /^-detached$/, replaceWith: [] }], foreground: 'rabbitmq-server' },
    {
        names: /^haproxy$/,
        flags: [{ arg: /^-D$/, replaceWith: [] }],
        foreground: 'haproxy -f /usr/local/etc/haproxy/haproxy.cfg',
    },
    {
        names: /^dbus-daemon$/,
        flags: [{ arg: /^--fork$/, replaceWith: ['--nofork'] }],
        foreground: 'dbus-daemon --nofork',
    },
    { names: /^avahi-daemon$/, flags: [{ arg: /^(?:-D|--daemonize)$/, replaceWith: [] }], foreground: 'avahi-daemon' },
    { names: /^openvpn$/, flags: [{ arg: /^--daemon$/, replaceWith: [] }], foreground: 'openvpn --config …' },
    { names: /^start-stop-daemon$/, flags: [{ arg: /^(?:-b|--background)$/ }], foreground: 'the program itself' },
    { names: /^daemonize$/, foregroundUnless: /.^/, foreground: 'the program itself' },
    {
        names: /^screen$/,
        flags: [{ arg: /^-(?=[a-zA-Z]*d)(?=[a-zA-Z]*m)/ }],
        foreground: 'the program itself',
    },
    { names: /^tmux$/, flags: [{ arg: /^-d$/ }], foreground: 'the program itself' },
];

export function daemonFor(name: string): Daemon | undefined {
    return DAEMONS.find((d) => d.names.test(name));
}

/** Init systems' ways of starting a service in the background. */
export const SERVICE_STARTERS = new Set(['service', 'rc-service', 'invoke-rc.d']);
export const START_VERBS = /^(?:start|restart|force-reload|reload|try-restart)$/;

/** What replaces `service NAME start` when NAME's foreground command is known (Debian names). */
export const FOREGROUND_BY_SERVICE: Readonly<Record<string, readonly string[]>> = {
    nginx: ['nginx', '-g', 'daemon off;'],
    apache2: ['apache2ctl', '-D', 'FOREGROUND'],
    httpd: ['httpd', '-D', 'FOREGROUND'],
};

/** Foreground commands to suggest in messages for `service NAME start`. */
export const FOREGROUND_HINTS: Readonly<Record<string, string>> = {
    nginx: 'nginx -g "daemon off;"',
    apache2: 'apache2ctl -D FOREGROUND',
    httpd: 'httpd -D FOREGROUND',
    mysql: 'mysqld',
    mariadb: 'mariadbd',
    postgresql: 'postgres',
    ssh: '/usr/sbin/sshd -D -e',
    sshd: '/usr/sbin/sshd -D -e',
    cron: 'cron -f',
    redis: 'redis-server',
    'redis-server': 'redis-server',
    memcached: 'memcached',
    'php-fpm': 'php-fpm -F',
    supervisor: 'supervisord -n',
    rsyslog: 'rsyslogd -n',
    postfix: 'postfix start-fg',
};
