// The engine's create/start refusals that a Run Image user can act on, in words (pure: no vscode).
import { EngineError, type ContainerRunSpec } from '../engine/types';

/** The error to show for a failed create or start; anything not recognised is returned unchanged. */
export function explainRunFailure(spec: ContainerRunSpec, e: unknown): unknown {
    if (!(e instanceof EngineError)) {
        return e;
    }
    const said = e.details.engineMessage ?? '';
    const again = (message: string, fix: string, cause = e.cause): EngineError =>
        new EngineError(cause, message, fix, e.details);
    if (/logging driver|log opt|logging plugin/i.test(said)) {
        return again(
            `The log driver ${spec.logDriver ?? '(engine default)'} could not start: ${said}`,
            'Check its log options (address, credentials), or choose json-file or local.',
        );
    }
    if (/port is already allocated|address already in use/i.test(said)) {
        return again(
            `A host port is taken: ${said}`,
            'Pick another host port, or leave the host port out (e.g. `80`) to let the engine choose one.',
            'conflict',
        );
    }
    if (
        /bind source path does not exist|invalid mount config|invalid volume specification|not a directory/i.test(said)
    ) {
        return again(`A mount was refused: ${said}`, 'Check the host paths and container paths of the mounts.');
    }
    if (/AutoRemove.*restart policy/i.test(said)) {
        return again(said, 'Choose either --rm or a restart policy.', 'conflict');
    }
    if (/network .* not found/i.test(said)) {
        return again(said, 'Pick an existing network (bridge, host, none or one from the Networks view).');
    }
    if (e.cause === 'conflict' && /container name .* is already in use/i.test(said)) {
        return again(said, 'Choose another name, or remove the old container first.');
    }
    return e;
}
