// Notices `docker context use/create/rm` done outside VS Code: stat-polls config.json and the contexts/meta folder
// (fs.watchFile works for files that do not exist yet and survives the CLI's rename-over writes, where fs.watch
// on the file would lose track). A stat a second is all it costs; no engine is contacted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Disposable } from './types';

export function watchDockerConfig(configDir: string, onChange: () => void, intervalMs = 1000): Disposable {
    const files = [path.join(configDir, 'config.json'), path.join(configDir, 'contexts', 'meta')];
    let timer: NodeJS.Timeout | undefined;
    const listener = (now: fs.Stats, before: fs.Stats): void => {
        if (now.mtimeMs === before.mtimeMs && now.ino === before.ino && now.size === before.size) {
            return;
        }
        // One `docker context use` touches several files: report once.
        clearTimeout(timer);
        timer = setTimeout(onChange, 100);
    };
    for (const f of files) {
        fs.watchFile(f, { interval: intervalMs, persistent: false }, listener);
    }
    return {
        dispose: () => {
            clearTimeout(timer);
            for (const f of files) {
                fs.unwatchFile(f, listener);
            }
        },
    };
}
