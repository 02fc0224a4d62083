// Domain types of an image build: what the command asks for, the lines it sees, and how it ended.
// Plain data only: the views/commands side imports these through engine/types.ts.
import type { CallOptions } from '../types';

/** The context cannot be sent as it is (missing, or a symlink pointing out of it); nothing was sent. */
export class BuildContextError extends Error {
    override readonly name = 'BuildContextError';
}

export interface BuildRequest {
    /** Absolute path of the build context folder. */
    contextDir: string;
    /** Absolute path of the Dockerfile (inside the context, or beside it: then it is sent along). */
    dockerfile: string;
    /** Image reference(s) to tag the result with, e.g. `app:latest`. */
    tags?: string[];
    /** Stop at this stage (`--target`). */
    target?: string;
    buildArgs?: Record<string, string>;
    labels?: Record<string, string>;
    noCache?: boolean;
    /** Always try to pull newer base images (`--pull`). */
    pull?: boolean;
    /** e.g. `linux/amd64`. */
    platform?: string;
    /** `--network` for RUN steps: 'host' or 'none' where the engine has no bridge. */
    networkMode?: string;
    /** 'auto' (default): BuildKit when the engine supports it and DOCKER_BUILDKIT is not 0. */
    builder?: 'auto' | 'buildkit' | 'classic';
}

export interface BuildOptions extends CallOptions {
    /** Each readable line of progress, in order. */
    onLine?: (line: BuildLine) => void;
    /** After the context was packed, before it is sent. */
    onContext?: (context: { files: number; bytes: number }) => void;
}

export type BuildLineKind = 'step' | 'output' | 'info' | 'error';

export interface BuildLine {
    kind: BuildLineKind;
    text: string;
    /** The step the line belongs to, as shown: `[builder 3/4] RUN make` or `Step 3/7 : RUN make`. */
    step?: string;
}

/** Where a failed step sits in the Dockerfile. */
export interface FailedInstruction {
    /** 0-based line of the instruction's first line. */
    line: number;
    endLine: number;
    /** The instruction as the engine printed it (`RUN make`). */
    text: string;
}

export interface BuildFailure {
    message: string;
    /** The failed step's title as the builder showed it, when known. */
    step?: string;
    /** The Dockerfile instruction that failed, when it could be located. */
    instruction?: FailedInstruction;
    /** The failed command's last output lines (at most 20). */
    output: string[];
}

export type BuildResult =
    | {
          ok: true;
          imageId?: string;
          tags: string[];
          builder: 'buildkit' | 'classic';
          contextBytes: number;
          durationMs: number;
      }
    | {
          ok: false;
          failure: BuildFailure;
          builder: 'buildkit' | 'classic';
          contextBytes: number;
          durationMs: number;
      };
