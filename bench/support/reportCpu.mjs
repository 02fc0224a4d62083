// Preloaded (`node --import`) into a process the bench times from outside: at exit it writes the process's
// own CPU time (user + system, ms) to the file named by DOCKWISE_BENCH_CPU_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
    const file = process.env.DOCKWISE_BENCH_CPU_FILE;
    if (file) {
        const { user, system } = process.cpuUsage();
        writeFileSync(file, String((user + system) / 1000));
    }
});
