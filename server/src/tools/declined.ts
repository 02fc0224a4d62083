/**
 * Checks of other tools that Dockwise deliberately does not implement, with the reason. The
 * generator lists them under "Declined" in docs/rules/README.md.
 */
export interface Declined {
    /** The other tool's id, e.g. `DL3059`. */
    id: string;
    tool: 'hadolint' | 'BuildKit' | 'Trivy' | 'dockerfile-utils';
    /** One or two sentences: why not, and what covers the need instead. */
    reason: string;
}

export const DECLINED: readonly Declined[] = [
    {
        id: 'InvalidBaseImagePlatform',
        tool: 'BuildKit',
        reason: 'Needs the base image’s manifest from a registry to compare its platforms with the target; Dockwise lints offline and without an engine. `from-platform-const` and `redundant-target-platform` cover what the Dockerfile itself says about platforms.',
    },
];
