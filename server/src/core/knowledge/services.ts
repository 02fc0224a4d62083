/**
 * A catalog of well-known long-running services: how they are started, which packages install
 * them, which ports they listen on and where they keep their data. The practice 1–3 rules ask it
 * which services an image runs.
 */
import { DATA_SERVICES } from './dataServices';
import { type Name, PACKAGE_FAMILY, type ServiceInfo, type ServiceKind } from './serviceTypes';
import { WEB_SERVICES } from './webServices';

export type { Name, PackageFamily, ServiceInfo, ServiceKind } from './serviceTypes';
export { PACKAGE_FAMILY } from './serviceTypes';

export const SERVICES: readonly ServiceInfo[] = [...DATA_SERVICES, ...WEB_SERVICES];

const KIND_LABEL: Record<ServiceKind, string> = {
    database: 'database',
    cache: 'cache',
    queue: 'message broker',
    search: 'search engine',
    web: 'web server',
    app: 'application server',
    'remote-access': 'SSH server',
    scheduler: 'job scheduler',
    mail: 'mail server',
    'container-engine': 'container engine',
    other: 'server',
};

export function kindLabel(kind: ServiceKind): string {
    return KIND_LABEL[kind];
}

/** Data stores: they belong in their own container, next to (not inside) the web tier. */
export function isDataService(s: ServiceInfo): boolean {
    return s.kind === 'database' || s.kind === 'cache' || s.kind === 'queue' || s.kind === 'search';
}

export function isWebService(s: ServiceInfo): boolean {
    return s.kind === 'web' || s.kind === 'app';
}

const BY_ID = new Map(SERVICES.map((svc) => [svc.id, svc]));

export function serviceById(id: string): ServiceInfo | undefined {
    return BY_ID.get(id);
}

export function nameMatches(names: readonly Name[], name: string): boolean {
    return names.some((n) => (typeof n === 'string' ? n === name : n.test(name)));
}

/** The service a `service NAME start` / init-script name starts. */
export function serviceByInitName(name: string): ServiceInfo | undefined {
    return SERVICES.find((svc) => nameMatches(svc.init, name));
}

/** The service a program basename runs (`mysqld_safe` → MySQL). */
export function serviceByProgram(name: string): ServiceInfo | undefined {
    return SERVICES.find((svc) => nameMatches(svc.programs, name));
}

/** The server a package installs, for a package manager (`apt-get`, `apk`, …). Clients give undefined. */
export function serviceByPackage(name: string, manager: string): ServiceInfo | undefined {
    const family = PACKAGE_FAMILY[manager];
    if (!family) {
        return undefined;
    }
    return SERVICES.find((svc) => nameMatches(svc.packages[family] ?? [], name));
}
