// Engine JSON → our container types, at the boundary. Pure and tolerant: engines (Docker 20.10 … 28, Podman)
// omit or null fields freely, so every read has a fallback.
import type {
    ContainerDetails,
    ContainerInfo,
    ContainerNetworkInfo,
    ContainerState,
    HealthStatus,
    MountInfo,
    PortMapping,
    RestartPolicy,
} from './types';

/** Loosely typed engine JSON. */
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
export const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
export const bool = (v: unknown): boolean => v === true;
export const strArray = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : [];
export const strRecord = (v: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(obj(v))) {
        if (typeof x === 'string') {
            out[k] = x;
        }
    }
    return out;
};

/** Largest epoch ms a Date holds: beyond it toISOString() throws a RangeError. */
export const MAX_DATE_MS = 8.64e15;

/** Epoch seconds → ms; 0 when missing, junk or beyond what a Date can hold. */
export const epochMs = (v: unknown): number => {
    const ms = num(v) * 1000;
    return Math.abs(ms) <= MAX_DATE_MS ? ms : 0;
};

/** RFC 3339 → epoch ms; Go's zero time ("0001-01-01T00:00:00Z") and junk → undefined. */
export function parseTime(v: unknown): number | undefined {
    if (typeof v === 'number') {
        return v > 0 && v * 1000 <= MAX_DATE_MS ? v * 1000 : undefined;
    }
    if (typeof v !== 'string' || !v || v.startsWith('0001-01-01')) {
        return undefined;
    }
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
}

export const COMPOSE_PROJECT = 'com.docker.compose.project';
export const COMPOSE_SERVICE = 'com.docker.compose.service';

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** The list's State string (or Podman's capitalised one); 'configured'/'stopped'/'initialized' are Podman's. */
export function toState(v: unknown): ContainerState {
    const s = str(v).toLowerCase();
    if ((STATES as readonly string[]).includes(s)) {
        return s as ContainerState;
    }
    if (s === 'stopped' || s === 'stopping') {
        return 'exited';
    }
    return 'created';
}

/** Health from the list's Status text ("Up 3 minutes (healthy)") or a Health object. */
export function toHealth(status: unknown, health?: unknown): HealthStatus | undefined {
    const h = str(obj(health).Status).toLowerCase();
    if (h === 'starting' || h === 'healthy' || h === 'unhealthy') {
        return h;
    }
    const m = /\((healthy|unhealthy|health: starting)\)/.exec(str(status));
    if (!m) {
        return undefined;
    }
    return m[1] === 'health: starting' ? 'starting' : (m[1] as HealthStatus);
}

const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

function toMount(m: Json): MountInfo {
    const type = str(m.Type, 'bind');
    const known = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster'];
    return {
        type: (known.includes(type) ? type : 'bind') as MountInfo['type'],
        source: type === 'volume' ? str(m.Name, str(m.Source)) : str(m.Source),
        name: type === 'volume' ? str(m.Name) || undefined : undefined,
        destination: str(m.Destination),
        rw: m.RW !== false,
    };
}

function toNetworks(settings: unknown): ContainerNetworkInfo[] {
    return Object.entries(obj(obj(settings).Networks)).map(([name, raw]) => {
        const n = obj(raw);
        return {
            name,
            networkId: str(n.NetworkID) || undefined,
            ipAddress: str(n.IPAddress) || undefined,
            ipv6Address: str(n.GlobalIPv6Address) || undefined,
            macAddress: str(n.MacAddress) || undefined,
            aliases: strArray(n.Aliases).length ? strArray(n.Aliases) : undefined,
        };
    });
}

function portType(v: unknown): PortMapping['type'] {
    const t = str(v, 'tcp').toLowerCase();
    return t === 'udp' || t === 'sctp' ? t : 'tcp';
}

const isPort = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 65535;

/** List ports: one entry per binding; duplicates (IPv4 + IPv6 of the same binding) merged. */
function toListPorts(v: unknown): PortMapping[] {
    const seen = new Set<string>();
    const out: PortMapping[] = [];
    for (const raw of Array.isArray(v) ? v : []) {
        const p = obj(raw);
        if (!isPort(p.PrivatePort)) {
            continue; // junk, not a port anyone could reach
        }
        const port: PortMapping = {
            privatePort: p.PrivatePort,
            publicPort: isPort(p.PublicPort) ? p.PublicPort : undefined,
            type: portType(p.Type),
            ip: str(p.IP) || undefined,
        };
        const key = `${port.privatePort}/${port.type}:${port.publicPort ?? ''}:${port.ip === '::' ? '0.0.0.0' : (port.ip ?? '')}`;
        if (!seen.has(key)) {
            seen.add(key);
            out.push(port);
        }
    }
    return out.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0));
}

/** Inspect ports: {"8080/tcp": [{HostIp, HostPort}] | null}, plus exposed ports that have no binding. */
function toInspectPorts(ports: unknown, exposed: unknown): PortMapping[] {
    const list: Json[] = [];
    const entries = { ...Object.fromEntries(Object.keys(obj(exposed)).map((k) => [k, null])), ...obj(ports) };
    for (const [key, bindings] of Object.entries(entries)) {
        const [port, type] = key.split('/');
        const privatePort = Number(port);
        if (!Array.isArray(bindings) || bindings.length === 0) {
            list.push({ PrivatePort: privatePort, Type: type });
            continue;
        }
        for (const b of bindings) {
            const hostPort = Number(str(obj(b).HostPort));
            list.push({
                PrivatePort: privatePort,
                Type: type,
                PublicPort: isPort(hostPort) ? hostPort : undefined,
                IP: str(obj(b).HostIp),
            });
        }
    }
    return toListPorts(list);
}

function withCompose(
    labels: Record<string, string>,
): Pick<ContainerInfo, 'composeProject' | 'composeService' | 'composeWorkingDir' | 'composeConfigFiles'> {
    const files = labels['com.docker.compose.project.config_files'];
    return {
        composeProject: labels[COMPOSE_PROJECT],
        composeService: labels[COMPOSE_SERVICE],
        composeWorkingDir: labels['com.docker.compose.project.working_dir'],
        composeConfigFiles: files ? files.split(',').filter(Boolean) : undefined,
    };
}

/** One item of GET /containers/json. */
export function toContainerInfo(raw: unknown): ContainerInfo {
    const c = obj(raw);
    const id = str(c.Id);
    const names = strArray(c.Names).map((n) => n.replace(/^\//, ''));
    const labels = strRecord(c.Labels);
    const networkDetails = toNetworks(c.NetworkSettings);
    return {
        id,
        names,
        name: names[0] ?? shortId(id),
        image: str(c.Image),
        imageId: str(c.ImageID),
        command: str(c.Command),
        state: toState(c.State),
        status: str(c.Status),
        health: toHealth(c.Status, c.Health),
        created: epochMs(c.Created),
        ports: toListPorts(c.Ports),
        mounts: (Array.isArray(c.Mounts) ? c.Mounts : []).map((m) => toMount(obj(m))),
        networks: networkDetails.map((n) => n.name),
        networkDetails,
        networkMode: str(obj(c.HostConfig).NetworkMode) || undefined,
        labels,
        ...withCompose(labels),
        sizeRw: typeof c.SizeRw === 'number' ? c.SizeRw : undefined,
        sizeRootFs: typeof c.SizeRootFs === 'number' ? c.SizeRootFs : undefined,
    };
}

/** Docker's units.HumanDuration, so inspect-derived status reads like `docker ps`. */
export function humanDuration(ms: number): string {
    const s = Math.round(ms / 1000);
    const h = ms / 3_600_000;
    if (s < 1) {
        return 'Less than a second';
    }
    if (s === 1) {
        return '1 second';
    }
    if (s < 60) {
        return `${s} seconds`;
    }
    const min = Math.round(ms / 60_000);
    if (min === 1) {
        return 'About a minute';
    }
    if (min < 60) {
        return `${min} minutes`;
    }
    if (Math.round(h) === 1) {
        return 'About an hour';
    }
    if (h < 48) {
        return `${Math.round(h)} hours`;
    }
    if (h < 24 * 7 * 2) {
        return `${Math.round(h / 24)} days`;
    }
    if (h < 24 * 30 * 2) {
        return `${Math.round(h / 24 / 7)} weeks`;
    }
    if (h < 24 * 365 * 2) {
        return `${Math.round(h / 24 / 30)} months`;
    }
    return `${Math.round(h / 24 / 365)} years`;
}

/** A `docker ps`-like status text from inspect's State. */
export function describeState(state: Json, now: number): string {
    const status = toState(state.Status);
    const started = parseTime(state.StartedAt);
    const finished = parseTime(state.FinishedAt);
    const health = toHealth(undefined, state.Health);
    const healthText = health ? ` (${health === 'starting' ? 'health: starting' : health})` : '';
    switch (status) {
        case 'running':
            return `Up ${humanDuration(now - (started ?? now))}${healthText}`;
        case 'paused':
            return `Up ${humanDuration(now - (started ?? now))} (Paused)`;
        case 'restarting':
            return `Restarting (${num(state.ExitCode)}) ${humanDuration(now - (finished ?? now))} ago`;
        case 'exited':
            return finished
                ? `Exited (${num(state.ExitCode)}) ${humanDuration(now - finished)} ago`
                : `Exited (${num(state.ExitCode)})`;
        case 'removing':
            return 'Removal In Progress';
        case 'dead':
            return 'Dead';
        default:
            return 'Created';
    }
}

function toRestartPolicy(v: unknown): RestartPolicy {
    const r = obj(v);
    const name = str(r.Name);
    const known = ['', 'no', 'always', 'unless-stopped', 'on-failure'];
    return {
        // Old engines report '' for the default; say 'no' like newer ones do.
        name: (known.includes(name) && name !== '' ? name : 'no') as RestartPolicy['name'],
        maximumRetryCount: num(r.MaximumRetryCount),
    };
}

/** GET /containers/{id}/json. `now` only feeds the derived status text. */
export function toContainerDetails(raw: unknown, now = Date.now()): ContainerDetails {
    const c = obj(raw);
    const state = obj(c.State);
    const config = obj(c.Config);
    const hostConfig = obj(c.HostConfig);
    const settings = obj(c.NetworkSettings);
    const labels = strRecord(config.Labels);
    const id = str(c.Id);
    const name = str(c.Name).replace(/^\//, '');
    const networkDetails = toNetworks(settings);
    const logConfig = obj(hostConfig.LogConfig);
    const health = obj(state.Health);
    return {
        id,
        names: name ? [name] : [],
        name: name || shortId(id),
        image: str(config.Image, str(c.Image)),
        imageId: str(c.Image),
        command: [...strArray(config.Entrypoint), ...strArray(config.Cmd)].join(' '),
        state: toState(state.Status),
        status: describeState(state, now),
        health: toHealth(undefined, state.Health),
        created: parseTime(c.Created) ?? 0,
        ports: toInspectPorts(settings.Ports, config.ExposedPorts),
        mounts: (Array.isArray(c.Mounts) ? c.Mounts : []).map((m) => toMount(obj(m))),
        networks: networkDetails.map((n) => n.name),
        networkDetails,
        networkMode: str(hostConfig.NetworkMode) || undefined,
        labels,
        ...withCompose(labels),
        logDriver: str(logConfig.Type) || undefined,
        sizeRw: typeof c.SizeRw === 'number' ? c.SizeRw : undefined,
        sizeRootFs: typeof c.SizeRootFs === 'number' ? c.SizeRootFs : undefined,
        tty: bool(config.Tty),
        openStdin: bool(config.OpenStdin),
        logConfig: { type: str(logConfig.Type), config: strRecord(logConfig.Config) },
        restartPolicy: toRestartPolicy(hostConfig.RestartPolicy),
        env: strArray(config.Env),
        cmd: strArray(config.Cmd),
        entrypoint: strArray(config.Entrypoint),
        workingDir: str(config.WorkingDir),
        user: str(config.User),
        hostname: str(config.Hostname),
        platform: str(c.Platform) || undefined,
        exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : undefined,
        error: str(state.Error) || undefined,
        oomKilled: bool(state.OOMKilled),
        pid: num(state.Pid) || undefined,
        restartCount: num(c.RestartCount),
        startedAt: parseTime(state.StartedAt),
        finishedAt: parseTime(state.FinishedAt),
        healthLog: Array.isArray(health.Log)
            ? health.Log.map((l) => {
                  const e = obj(l);
                  return {
                      start: parseTime(e.Start),
                      end: parseTime(e.End),
                      exitCode: num(e.ExitCode),
                      output: str(e.Output),
                  };
              })
            : undefined,
    };
}
