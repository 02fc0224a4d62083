/**
 * What a secret looks like in a Dockerfile: names of variables, labels and options that hold one,
 * and literal values in well-known credential formats. Shared by secret-in-env and secret-in-run.
 */

/** Words that, as a whole name part, mean the value is a secret. */
const SECRET_WORDS = new Set([
    'PASSWORD',
    'PASSWORDS',
    'PASSWD',
    'PASS',
    'PASSPHRASE',
    'PWD',
    'PWORD',
    'SECRET',
    'SECRETS',
    'TOKEN',
    'TOKENS',
    'APIKEY',
    'CREDENTIAL',
    'CREDENTIALS',
    'CREDS',
]);

/** Name parts that end in one of these are secrets too (`PGPASSWORD`, `DBPASS` is too vague). */
const SECRET_SUFFIXES = ['PASSWORD', 'PASSWD', 'APIKEY', 'APITOKEN', 'AUTHTOKEN', 'ACCESSTOKEN', 'PRIVATEKEY'];

/** `KEY` alone is too vague (`GPG_KEY` is a fingerprint); these qualifiers make it a secret. */
const KEY_QUALIFIERS = new Set([
    'API',
    'PRIVATE',
    'ACCESS',
    'SECRET',
    'ENCRYPTION',
    'DECRYPTION',
    'SIGNING',
    'MASTER',
    'LICENSE',
    'SESSION',
    'APP',
    'AUTH',
    'HMAC',
    'JWT',
    'SHARED',
    'ACCOUNT',
    'SSH',
    'DEPLOY',
]);

/** Parts that may follow the secret word and still name the secret itself (`SECRET_KEY_BASE`). */
const SECRET_TRAILERS = new Set([
    'KEY',
    'BASE',
    'VALUE',
    'STRING',
    'B64',
    'BASE64',
    'HEX',
    'RAW',
    'PLAIN',
    'PLAINTEXT',
    'TEXT',
    'DATA',
    'HASH',
]);

/** Parts that make the name about a secret rather than the secret (`MYSQL_ALLOW_EMPTY_PASSWORD`). */
const NOT_A_SECRET = new Set([
    'PUBLIC',
    'PUB',
    'GPG',
    'PGP',
    'FINGERPRINT',
    'EMPTY',
    'RANDOM',
    'ALLOW',
    'REQUIRE',
    'REQUIRED',
    'ENABLE',
    'ENABLED',
    'DISABLE',
    'DISABLED',
    'USE',
    'SKIP',
    'NO',
    'ASK',
    'PROMPT',
    'STDIN',
    'RESET',
    'GENERATE',
    'POLICY',
    'VERSION',
]);

/** Well-known names that the word rules would get wrong. */
const POINTER_NAMES = new Set(['PWD', 'OLDPWD', 'GOOGLE_APPLICATION_CREDENTIALS', 'SSH_AUTH_SOCK']);
const SECRET_NAMES = new Set(['DOCKER_AUTH_CONFIG', 'NPM_CONFIG__AUTH']);

/** The parts of a name: split on anything but letters and digits, and on camelCase humps. */
export function nameParts(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .toUpperCase()
        .split(/[^A-Z0-9]+/)
        .filter((p) => p !== '');
}

/**
 * Whether a variable, label or option name denotes a secret value (`DB_PASSWORD`, `apiToken`,
 * `AWS_SECRET_ACCESS_KEY`) rather than something about one (`PASSWORD_FILE`, `ACCESS_KEY_ID`,
 * `TOKEN_URL`, `GPG_KEY`).
 */
export function isSecretName(name: string): boolean {
    const upper = name.replace(/^-+/, '').toUpperCase();
    if (POINTER_NAMES.has(upper)) {
        return false;
    }
    if (SECRET_NAMES.has(upper)) {
        return true;
    }
    const parts = nameParts(name);
    if (parts.some((p) => NOT_A_SECRET.has(p))) {
        return false;
    }
    let last = -1;
    parts.forEach((p, i) => {
        const isKey = p === 'KEY' && i > 0 && KEY_QUALIFIERS.has(parts[i - 1]!);
        // AUTH is a secret only as the last part (`NPM_AUTH`, `BASIC_AUTH`), not in `AUTH_METHOD`.
        const isAuth = p === 'AUTH' && i === parts.length - 1;
        if (SECRET_WORDS.has(p) || SECRET_SUFFIXES.some((s) => p.endsWith(s)) || isKey || isAuth) {
            last = i;
        }
    });
    return last >= 0 && parts.slice(last + 1).every((p) => SECRET_TRAILERS.has(p));
}

/**
 * Values that hold no secret whatever their name says: empty, switches, masks, and paths to a
 * file that holds the secret.
 */
export function isHarmlessValue(value: string): boolean {
    const v = value.trim();
    return (
        v === '' ||
        /^(?:true|false|yes|no|on|off|0|1|none|null|nil|enabled?|disabled?|required|optional|trust)$/i.test(v) ||
        /^\*+$/.test(v) ||
        /^~?\/[^\s:]*$/.test(v)
    );
}

export interface SecretMatch {
    /** Offsets into the searched string. */
    start: number;
    end: number;
    /** What was found, for messages ("a GitHub token"). */
    what: string;
    /** A private key or a live token: the real thing, not a default. */
    critical: boolean;
}

interface Pattern {
    re: RegExp;
    what: string;
    critical: boolean;
    /** Capture group that is the secret (default: the whole match). */
    group?: number;
}

const PATTERNS: Pattern[] = [
    { re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g, what: 'a private key', critical: true },
    { re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b(?<!EXAMPLE)/g, what: 'an AWS access key', critical: true },
    { re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, what: 'a GitHub token', critical: true },
    { re: /\bgithub_pat_[A-Za-z0-9_]{22,}/g, what: 'a GitHub token', critical: true },
    { re: /\bglpat-[A-Za-z0-9_-]{20,}/g, what: 'a GitLab token', critical: true },
    { re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, what: 'a Slack token', critical: true },
    {
        re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/g,
        what: 'a Slack webhook URL',
        critical: true,
    },
    { re: /\b[rs]k_live_[A-Za-z0-9]{16,}/g, what: 'a Stripe live key', critical: true },
    { re: /\bnpm_[A-Za-z0-9]{36}\b/g, what: 'an npm token', critical: true },
    { re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, what: 'a Google API key', critical: true },
    { re: /\bsk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{32,}/g, what: 'an API secret key', critical: true },
    { re: /\bhf_[A-Za-z0-9]{34,}\b/g, what: 'a Hugging Face token', critical: true },
    { re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, what: 'a SendGrid key', critical: true },
    {
        re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
        what: 'a JSON Web Token',
        critical: true,
    },
    // scheme://user:password@host — the credentials part; expansions are not literals.
    {
        // The scheme as a lookbehind, checked only at a `:`: from every letter of `a-a-a-…` it was quadratic.
        re: /:(?<=\b[a-zA-Z][a-zA-Z0-9+.-]*:)\/\/([^\s/:@'"$`]+:[^\s/@'"$`]+)@/g,
        what: 'credentials in a URL',
        critical: false,
        group: 1,
    },
];

/** Literal secrets in well-known formats found in `text`. */
export function secretValues(text: string): SecretMatch[] {
    const out: SecretMatch[] = [];
    for (const p of PATTERNS) {
        p.re.lastIndex = 0;
        for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
            const found = p.group ? m[p.group]! : m[0];
            const start = m.index + (p.group ? m[0].indexOf(found) : 0);
            if (!out.some((o) => start < o.end && o.start < start + found.length)) {
                out.push({ start, end: start + found.length, what: p.what, critical: p.critical });
            }
        }
    }
    return out.sort((a, b) => a.start - b.start);
}

/** MySQL and MariaDB clients: `-pSECRET` (attached) is the password; `-p secret` prompts instead. */
export const MYSQL_CLIENTS = new Set([
    'mysql',
    'mysqladmin',
    'mysqldump',
    'mysqlimport',
    'mysqlcheck',
    'mysqlshow',
    'mysqlpump',
    'mysqlslap',
    'mariadb',
    'mariadb-admin',
    'mariadb-dump',
    'mariadb-import',
    'mariadb-check',
    'mariadb-show',
]);

/** Clients whose `--password` is a switch that makes them prompt, so the next word is not a password. */
export const PROMPTING_CLIENTS = new Set([
    ...MYSQL_CLIENTS,
    'psql',
    'pg_dump',
    'pg_dumpall',
    'pg_restore',
    'pg_basebackup',
    'createdb',
    'dropdb',
    'createuser',
    'dropuser',
    'vacuumdb',
    'reindexdb',
    'clusterdb',
]);

const MONGO = ['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop'];
const LDAP = ['ldapsearch', 'ldapadd', 'ldapmodify', 'ldapdelete', 'ldappasswd', 'ldapwhoami', 'ldapcompare'];
const KEYTOOL = ['-storepass', '-keypass', '-srcstorepass', '-deststorepass', '-srckeypass', '-destkeypass'];

/**
 * Short options that take a password as the next word, per program (long `--password x` forms are
 * recognised by name for every program).
 */
export const PASSWORD_OPTIONS: Readonly<Record<string, readonly string[]>> = {
    'redis-cli': ['-a'],
    sshpass: ['-p'],
    keytool: KEYTOOL,
    ...Object.fromEntries(MONGO.map((p) => [p, ['-p']])),
    ...Object.fromEntries(LDAP.map((p) => [p, ['-w']])),
};

/** Registry clients whose `login -p` takes the password. */
export const LOGIN_CLIENTS = new Set(['docker', 'podman', 'buildah', 'skopeo', 'nerdctl', 'helm', 'oras', 'crane']);

/** Values that everybody knows, so writing them down leaks nothing (Java's default keystore password). */
export const PUBLIC_DEFAULTS = new Set(['changeit']);
