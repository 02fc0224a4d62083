/** The shape of a service catalog entry (see services.ts) and a builder for entries. */

export type ServiceKind =
    | 'database'
    | 'cache'
    | 'queue'
    | 'search'
    | 'web'
    | 'app'
    | 'remote-access'
    | 'scheduler'
    | 'mail'
    | 'container-engine'
    | 'other';

/** A name matcher: an exact name or an anchored pattern (`postgresql-16`). */
export type Name = string | RegExp;

/** Package naming differs by distribution family, so package lists are kept per family. */
export type PackageFamily = 'apt' | 'apk' | 'rpm' | 'suse' | 'pacman';

export const PACKAGE_FAMILY: Readonly<Record<string, PackageFamily>> = {
    'apt-get': 'apt',
    apt: 'apt',
    aptitude: 'apt',
    apk: 'apk',
    yum: 'rpm',
    dnf: 'rpm',
    microdnf: 'rpm',
    zypper: 'suse',
    pacman: 'pacman',
};

export interface ServiceInfo {
    id: string;
    /** Human name for messages (`MySQL`, `Apache httpd`). */
    label: string;
    kind: ServiceKind;
    /** Names used with `service NAME start`, `/etc/init.d/NAME`, `rc-service`, `systemctl`. */
    init: readonly Name[];
    /** Basenames of the programs that run the server. */
    programs: readonly Name[];
    /** Programs that only start the server with one of these arguments (`pg_ctl start`). */
    verbs?: Readonly<Record<string, readonly string[]>>;
    /** Server packages per family; client libraries are deliberately absent. */
    packages: Readonly<Partial<Record<PackageFamily, readonly Name[]>>>;
    /** Default ports, main one first; empty when it is not a network server or the port is unknown. */
    ports: readonly number[];
    /** Flags whose value holds the port: `8080`, `0.0.0.0:8080` or `tcp://0.0.0.0:8080`. */
    portFlags?: readonly string[];
    /** Environment variables the server reads its port from. */
    portEnv?: readonly string[];
    /** Where the service keeps data that must outlive the container, the usual one first. */
    dataDirs: readonly string[];
    /** Data directory by package family, when the distribution package moves it. */
    familyDataDirs?: Readonly<Partial<Record<PackageFamily, string>>>;
    dataDirFlags?: readonly string[];
    dataDirEnv?: string;
}

export type ServiceEntry = Omit<ServiceInfo, 'init' | 'programs' | 'packages' | 'ports' | 'dataDirs'> &
    Partial<Pick<ServiceInfo, 'init' | 'programs' | 'packages' | 'ports' | 'dataDirs'>>;

export function service(e: ServiceEntry): ServiceInfo {
    return { init: [], programs: [], packages: {}, ports: [], dataDirs: [], ...e };
}

/** The same package name in every family. */
export function everywhere(...names: Name[]): ServiceInfo['packages'] {
    return { apt: names, apk: names, rpm: names, suse: names, pacman: names };
}
