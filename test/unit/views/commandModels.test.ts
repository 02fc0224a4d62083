// Pure helpers behind the Run… and Pull commands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PullTracker } from '../../../client/src/commands/pullProgress';
import { defaultPortText, parsePorts, suggestName, validateName } from '../../../client/src/run/runSpec';

describe('Run… prompts', () => {
    it('parses docker run -p syntax', () => {
        assert.deepEqual(parsePorts('8080:80, 53:53/udp 127.0.0.1:9000:9000 3000'), {
            ports: [
                { containerPort: 80, hostPort: 8080, protocol: 'tcp', hostIp: undefined },
                { containerPort: 53, hostPort: 53, protocol: 'udp', hostIp: undefined },
                { containerPort: 9000, hostPort: 9000, protocol: 'tcp', hostIp: '127.0.0.1' },
                { containerPort: 3000, hostPort: undefined, protocol: 'tcp', hostIp: undefined },
            ],
        });
        assert.deepEqual(parsePorts(''), { ports: [] });
    });
    it('rejects malformed, out-of-range and duplicate ports', () => {
        assert.ok('error' in parsePorts('80:http'));
        assert.ok('error' in parsePorts('70000:80'));
        assert.ok('error' in parsePorts('0:80'));
        assert.match((parsePorts('8080:80, 8080:81') as { error: string }).error, /used twice/);
        assert.ok('ports' in parsePorts('8080:80, 8080:80/udp'), 'tcp and udp may share a number');
    });
    it('suggests ports and names from the image', () => {
        assert.equal(defaultPortText(['80/tcp', '53/udp', '9/sctp']), '80:80, 53:53/udp');
        assert.equal(suggestName('docker.io/library/nginx:1.27'), 'nginx');
        assert.equal(suggestName('ghcr.io/owner/my_app@sha256:abc'), 'my_app');
        assert.equal(validateName('web-1'), undefined);
        assert.equal(validateName(''), undefined);
        assert.ok(validateName('-bad'));
        assert.ok(validateName('no spaces'));
    });
});

describe('pull progress', () => {
    it('folds per-layer messages into layers done, bytes and a growing fraction', () => {
        const t = new PullTracker();
        assert.equal(
            t.update({ id: 'latest', status: 'Pulling from library/nginx' }).message,
            'Pulling from library/nginx',
        );
        t.update({ id: 'l1', status: 'Pulling fs layer' });
        t.update({ id: 'l2', status: 'Already exists' });
        let s = t.update({ id: 'l1', status: 'Downloading', current: 5_000_000, total: 10_000_000 });
        assert.equal(s.message, '70% · 1/2 layers · downloading 5 MB of 10 MB');
        const before = s.fraction;
        s = t.update({ id: 'l1', status: 'Download complete' });
        assert.ok(s.fraction > before);
        s = t.update({ id: 'l1', status: 'Extracting', current: 1, total: 10 });
        assert.equal(s.message, '91% · 1/2 layers · extracting');
        s = t.update({ id: 'l1', status: 'Pull complete' });
        assert.equal(s.message, '100% · 2/2 layers');
        assert.equal(s.fraction, 1);
        assert.equal(t.update({ status: 'Digest: sha256:abc' }).fraction, 1);
    });
});
