// A Run Image plan: checked as a whole, turned into the engine's create body, shown as a `docker run` line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBody } from '../../../client/src/engine/runContainer';
import { isRunPlan, resolvePlan, runCommandLine, type RunPlan } from '../../../client/src/run/runPlan';

const full: RunPlan = {
    image: 'nginx:1.27',
    name: 'web',
    ports: ['8080:80', '127.0.0.1:8443:443/tcp'],
    env: ['GREETING=hello world', "QUOTE=it's"],
    mounts: ['/srv/my site:/usr/share/nginx/html:ro', 'cache:/var/cache/nginx', '/tmp/scratch'],
    logDriver: 'local',
    logOptions: ['max-size=10m'],
    restart: 'on-failure:3',
    labels: { team: 'web' },
};

/** The create body's parts the tests read (JSON from createBody). */
type Body = {
    Env?: string[];
    Volumes?: object;
    ExposedPorts?: object;
    HostConfig: Record<string, unknown>;
} & Record<string, unknown>;

function spec(plan: RunPlan) {
    const r = resolvePlan(plan);
    assert.ok('spec' in r, 'errors' in r ? r.errors.join('; ') : '');
    return r.spec;
}

describe('run: the plan', () => {
    it('shows the equivalent docker run command line, quoted for a POSIX shell', () => {
        assert.equal(
            runCommandLine(full),
            "docker run -d --name web -p 8080:80 -p 127.0.0.1:8443:443/tcp -e 'GREETING=hello world' " +
                "-e 'QUOTE=it'\\''s' -v '/srv/my site:/usr/share/nginx/html:ro' -v cache:/var/cache/nginx " +
                '-v /tmp/scratch --log-driver local --log-opt max-size=10m --restart on-failure:3 --label team=web nginx:1.27',
        );
        assert.equal(
            runCommandLine({
                image: 'busybox',
                interactive: true,
                autoRemove: true,
                restart: 'no',
                cmd: ['sh', '-c', 'echo $HOME'],
            }),
            "docker run -it --rm busybox sh -c 'echo $HOME'",
        );
    });

    it('becomes the create body docker run would send', () => {
        const body = createBody(spec(full)) as Body;
        assert.deepEqual(body.ExposedPorts, { '80/tcp': {}, '443/tcp': {} });
        assert.deepEqual(body.HostConfig.PortBindings, {
            '80/tcp': [{ HostIp: '', HostPort: '8080' }],
            '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '8443' }],
        });
        assert.deepEqual(body.Env, ['GREETING=hello world', "QUOTE=it's"]);
        assert.deepEqual(body.HostConfig.Binds, ['/srv/my site:/usr/share/nginx/html:ro', 'cache:/var/cache/nginx']);
        assert.deepEqual(body.Volumes, { '/tmp/scratch': {} });
        assert.deepEqual(body.HostConfig.LogConfig, { Type: 'local', Config: { 'max-size': '10m' } });
        assert.deepEqual(body.HostConfig.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 3 });
        assert.equal(body.HostConfig.AutoRemove, false);
        assert.equal(body.Tty, undefined);

        const it = createBody(spec({ image: 'busybox', interactive: true, autoRemove: true, ports: ['8000-8010:80'] }));
        assert.deepEqual([it.Tty, it.OpenStdin, it.StdinOnce, it.AttachStdin], [true, true, true, true]);
        assert.deepEqual((it as Body).HostConfig.PortBindings, { '80/tcp': [{ HostIp: '', HostPort: '8000-8010' }] });
        assert.equal((it as Body).HostConfig.RestartPolicy, undefined);
        assert.equal((it as Body).HostConfig.LogConfig, undefined, 'no driver chosen: the engine default');
    });

    it('collects every problem, including --rm with a restart policy', () => {
        const r = resolvePlan({
            image: 'busybox',
            name: 'x',
            ports: ['80:80', '80:81'],
            env: ['NOVALUE'],
            mounts: ['a:/d', 'rel/path:/e'],
            logDriver: 'gelf',
            restart: 'always',
            autoRemove: true,
        });
        assert.ok('errors' in r);
        const text = r.errors.join('\n');
        for (const expected of [
            /Container name "x"/,
            /used twice/,
            /NOVALUE=VALUE/,
            /"a" is neither/,
            /"rel\/path" is neither/,
            /gelf driver needs gelf-address/,
            /--rm and --restart always exclude each other/,
        ]) {
            assert.match(text, expected);
        }
        assert.ok('errors' in resolvePlan({ image: 'busybox', logOptions: ['max-size=1m'] }));
    });

    it('recognises a plan argument, and not an explorer node or a string', () => {
        assert.ok(isRunPlan(full));
        assert.ok(!isRunPlan('busybox'));
        assert.ok(!isRunPlan({ kind: 'image', image: 'x' }));
        assert.ok(!isRunPlan({ image: 'x', ports: '80:80' }));
    });
});
