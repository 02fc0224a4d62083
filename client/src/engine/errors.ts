// Maps transport and engine failures to EngineError: one cause to branch on, words the user can act on.
import { EngineError, isEngineError, type ResolvedConnection } from './types';

/** What was being attempted, for the message ("Could not stop container web: …"). */
export interface ErrorContext {
    /** e.g. 'list containers', 'remove volume data'. */
    operation?: string;
    connection?: ResolvedConnection;
}

interface RawError {
    code?: string;
    name?: string;
    message?: string;
    statusCode?: number;
    json?: unknown;
    reason?: string;
    level?: string;
}

const TLS_CODES = new Set([
    'EPROTO',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_SIGNATURE_FAILURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_OSSL_PEM_NO_START_LINE',
    'ERR_OSSL_X509_KEY_VALUES_MISMATCH',
]);

/** The engine's own message from a docker-modem error (JSON `message`, a plain-text body, or a Buffer). */
export function engineMessageOf(raw: RawError): string | undefined {
    const json = raw.json;
    if (typeof json === 'string') {
        return json.trim() || undefined;
    }
    if (json instanceof Uint8Array) {
        return Buffer.from(json).toString('utf8').trim() || undefined;
    }
    if (json && typeof json === 'object') {
        const m = (json as { message?: unknown }).message;
        if (typeof m === 'string') {
            return m;
        }
    }
    if (raw.statusCode !== undefined && raw.message) {
        // docker-modem's "(HTTP code 404) no such container - <engine text> "
        const m = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(raw.message);
        return m?.[1]?.trim() || undefined;
    }
    return undefined;
}

const formatMs = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

function where(ctx: ErrorContext): string {
    return ctx.connection ? ` at ${ctx.connection.host}` : '';
}

function prefix(ctx: ErrorContext): string {
    return ctx.operation ? `Could not ${ctx.operation}: ` : '';
}

/** Container ids or names an engine conflict message names ("volume is in use - [id, id]", "container abc is using …"). */
export function usersFromMessage(message: string): string[] {
    const bracket = /in use - \[([^\]]*)\]/.exec(message);
    if (bracket?.[1]) {
        return bracket[1]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    }
    const image = /container ([0-9a-f]{12,64}) is using/.exec(message);
    return image?.[1] ? [image[1]] : [];
}

function fromStatus(status: number, engineMessage: string, raw: RawError, ctx: ErrorContext): EngineError {
    const details = { statusCode: status, engineMessage, inner: raw };
    const msg = `${prefix(ctx)}${engineMessage || `the engine answered HTTP ${status}`}`;
    if (/client version .* is too old|minimum supported api version/i.test(engineMessage)) {
        return new EngineError(
            'apiTooOld',
            msg,
            'The engine needs a newer Docker API than Dockwise asked for. Update Docker, or report this with the output of `docker version`.',
            details,
        );
    }
    if (/client sent an http request to an https server/i.test(engineMessage)) {
        return new EngineError(
            'tlsFailure',
            `${prefix(ctx)}the engine${where(ctx)} only accepts TLS connections.`,
            'Set `DOCKER_TLS_VERIFY=1` and `DOCKER_CERT_PATH` (a folder with ca.pem, cert.pem, key.pem), or use a Docker context that has TLS material.',
            details,
        );
    }
    if (status === 404) {
        return new EngineError('notFound', msg, 'It may have been removed meanwhile: refresh the view.', details);
    }
    if (status === 409) {
        // "The container name … is already in use" is a naming conflict, not a resource in use.
        const inUse =
            !/container name .* is already in use/i.test(engineMessage) &&
            /in use|is using|is being used|has active endpoints|must force/i.test(engineMessage);
        const usedBy = usersFromMessage(engineMessage);
        return inUse
            ? new EngineError('inUse', msg, 'Remove or stop what uses it first, or force the removal.', {
                  ...details,
                  usedBy,
              })
            : new EngineError('conflict', msg, undefined, details);
    }
    if (status === 403 && /pre-defined network/i.test(engineMessage)) {
        return new EngineError('conflict', msg, 'Built-in networks (bridge, host, none) cannot be removed.', details);
    }
    if (status === 501 && /logging driver does not support reading|does not support reading/i.test(engineMessage)) {
        return new EngineError(
            'logsUnavailable',
            msg,
            "This container's log driver keeps no logs the engine can read back; read them where the driver sends them.",
            details,
        );
    }
    return new EngineError('unknown', msg, undefined, details);
}

function fromCode(code: string, raw: RawError, ctx: ErrorContext): EngineError | undefined {
    const details = { inner: raw, engineMessage: raw.message };
    const target = ctx.connection?.host ?? 'the Docker engine';
    if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND') {
        const remote = ctx.connection && (ctx.connection.scheme === 'tcp' || ctx.connection.scheme === 'ssh');
        return new EngineError(
            'notRunning',
            `${prefix(ctx)}cannot reach ${target} (${code}).`,
            remote
                ? 'Is Docker running on that host, and is the address right? Check `dockwise.docker.host`, `DOCKER_HOST` or your Docker context.'
                : 'Is Docker running? Start Docker Desktop, or run `sudo systemctl start docker` (Podman: `systemctl --user start podman.socket`).',
            details,
        );
    }
    if (code === 'EACCES' || code === 'EPERM') {
        return new EngineError(
            'permissionDenied',
            `${prefix(ctx)}permission denied on ${target}.`,
            'Add your user to the docker group (`sudo usermod -aG docker $USER`, then log in again), or use rootless Docker or Podman and point `dockwise.docker.host` at its socket.',
            details,
        );
    }
    // ERR_OSSL_*: OpenSSL could not use the certificate or key material (bad PEM, wrong key type).
    if (TLS_CODES.has(code) || /^ERR_(SSL|TLS|OSSL)_/.test(code)) {
        return new EngineError(
            'tlsFailure',
            `${prefix(ctx)}TLS handshake with ${target} failed (${code}${raw.message ? `: ${raw.message}` : ''}).`,
            'Check the certificates: `DOCKER_CERT_PATH` (or the context) must hold the ca.pem that signed the server certificate and a client cert.pem/key.pem the engine trusts; the server certificate must name the host you connect to.',
            details,
        );
    }
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
        return new EngineError(
            'notRunning',
            `${prefix(ctx)}the connection to ${target} was closed (${code}).`,
            'The engine may be restarting or shutting down; if it is a TLS engine, check that your client certificate is accepted.',
            details,
        );
    }
    if (code === 'ETIMEDOUT') {
        return new EngineError(
            'timeout',
            `${prefix(ctx)}${target} did not answer in time.`,
            'Is the host reachable?',
            details,
        );
    }
    return undefined;
}

/**
 * Turns anything thrown by docker-modem/dockerode/ssh2/node into an EngineError.
 * `aborted`: the caller's signal fired ('cancelled') or our deadline did ('timeout'), which wins over the raw error.
 */
export function toEngineError(
    e: unknown,
    ctx: ErrorContext = {},
    aborted?: { reason: 'cancelled' | 'timeout'; timeoutMs?: number },
): EngineError {
    if (isEngineError(e)) {
        return e;
    }
    const raw: RawError = typeof e === 'object' && e !== null ? (e as RawError) : { message: String(e) };
    if (aborted?.reason === 'timeout') {
        return new EngineError(
            'timeout',
            `${prefix(ctx)}the engine${where(ctx)} did not answer within ${formatMs(aborted.timeoutMs ?? 0)}.`,
            'The engine may be overloaded or hanging; try again, or restart Docker.',
            { inner: e },
        );
    }
    if (aborted?.reason === 'cancelled' || raw.name === 'AbortError' || raw.code === 'ABORT_ERR') {
        return new EngineError('cancelled', `${prefix(ctx)}cancelled.`, undefined, { inner: e });
    }
    if (typeof raw.statusCode === 'number' && raw.statusCode >= 300) {
        return fromStatus(raw.statusCode, engineMessageOf(raw) ?? '', raw, ctx);
    }
    const code = raw.code ?? '';
    const mapped = fromCode(code, raw, ctx);
    if (mapped) {
        return mapped;
    }
    const message = raw.message ?? String(e);
    if (/wrong version number|certificate|ssl|tls/i.test(message)) {
        return fromCode('EPROTO', raw, ctx) as EngineError;
    }
    if (/host denied \(verification failed\)/i.test(message)) {
        return new EngineError(
            'permissionDenied',
            `${prefix(ctx)}the ssh host key of ${ctx.connection?.hostname ?? 'the host'} is not in ~/.ssh/known_hosts, or does not match it.`,
            'Connect once with `ssh user@host` to check the key and record it in ~/.ssh/known_hosts, then retry.',
            { inner: e, engineMessage: message },
        );
    }
    if (/cannot parse privatekey/i.test(message)) {
        return new EngineError(
            'permissionDenied',
            `${prefix(ctx)}the ssh key for ${ctx.connection?.host ?? 'the host'} cannot be read (${message}).`,
            'Use ssh-agent (`ssh-add`, with `SSH_AUTH_SOCK` set for VS Code), or check ~/.ssh/id_ed25519 / id_rsa.',
            { inner: e, engineMessage: message },
        );
    }
    if (raw.level === 'client-authentication' || /all configured authentication methods failed/i.test(message)) {
        return new EngineError(
            'permissionDenied',
            `${prefix(ctx)}ssh authentication to ${ctx.connection?.host ?? 'the host'} failed.`,
            'Load your key into ssh-agent (`ssh-add`) and make sure `SSH_AUTH_SOCK` is set for VS Code, or put an unencrypted key at ~/.ssh/id_ed25519 / id_rsa.',
            { inner: e, engineMessage: message },
        );
    }
    if (raw.level === 'client-socket' || raw.level === 'client-timeout') {
        return new EngineError(
            'notRunning',
            `${prefix(ctx)}ssh connection to ${ctx.connection?.host ?? 'the host'} failed: ${message}`,
            'Check the ssh address and that the host runs sshd and Docker (the remote `docker system dial-stdio` must work).',
            { inner: e, engineMessage: message },
        );
    }
    if (/socket hang up/i.test(message)) {
        return fromCode('ECONNRESET', raw, ctx) as EngineError;
    }
    return new EngineError('unknown', `${prefix(ctx)}${message}`, undefined, { inner: e, engineMessage: message });
}
