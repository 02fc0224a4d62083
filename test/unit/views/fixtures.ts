// Engine objects for view-model tests: realistic defaults, overridden per test.
import type {
    ContainerDetails,
    ContainerInfo,
    ImageInfo,
    NetworkInfo,
    VolumeInfo,
} from '../../../client/src/engine/types';

export const NOW = Date.parse('2024-06-01T12:00:00Z');

export function container(overrides: Partial<ContainerInfo> = {}): ContainerInfo {
    const id = overrides.id ?? 'a'.repeat(64);
    const name = overrides.name ?? 'web';
    return {
        id,
        names: [name],
        name,
        image: 'nginx:1.27',
        imageId: 'sha256:' + 'f'.repeat(64),
        command: 'nginx -g daemon off;',
        state: 'running',
        status: 'Up 3 minutes',
        created: NOW - 3 * 60_000,
        ports: [],
        mounts: [],
        networks: ['bridge'],
        networkDetails: [],
        labels: {},
        ...overrides,
    };
}

export function details(overrides: Partial<ContainerDetails> = {}): ContainerDetails {
    return {
        ...container(overrides),
        tty: false,
        openStdin: false,
        logConfig: { type: 'json-file', config: {} },
        restartPolicy: { name: 'no', maximumRetryCount: 0 },
        env: [],
        cmd: [],
        entrypoint: [],
        workingDir: '/',
        user: '',
        hostname: 'web',
        oomKilled: false,
        restartCount: 0,
        ...overrides,
    };
}

export function image(overrides: Partial<ImageInfo> = {}): ImageInfo {
    return {
        id: 'sha256:' + 'f'.repeat(64),
        repoTags: ['nginx:1.27'],
        repoDigests: [],
        size: 187_654_321,
        created: NOW - 3 * 86_400_000,
        dangling: false,
        labels: {},
        ...overrides,
    };
}

export function volume(overrides: Partial<VolumeInfo> = {}): VolumeInfo {
    const name = overrides.name ?? 'data';
    return {
        name,
        driver: 'local',
        mountpoint: `/var/lib/docker/volumes/${name}/_data`,
        labels: {},
        options: {},
        scope: 'local',
        anonymous: false,
        ...overrides,
    };
}

export function network(overrides: Partial<NetworkInfo> = {}): NetworkInfo {
    return {
        id: 'n'.repeat(64),
        name: 'backend',
        driver: 'bridge',
        scope: 'local',
        internal: false,
        attachable: false,
        ipv6: false,
        labels: {},
        subnets: [],
        containers: [],
        builtIn: false,
        ...overrides,
    };
}
