// Error texts recorded from docker-compose 1.29.2 (Debian) on broken files, and v2's messages as compose-go words
// them; each must become a diagnostic on the right line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeProblems } from '../../../client/src/compose/composeErrors';

const FILE = '/w/compose.yaml';
const TEXT = `services:
  web:
    image: busybox
    networks: [front]
    ports: 80
    bogus: 1
  db:
    image: busybox
    depends_on: [nope]
    volumes: ["data:/data"]
`;
const texts = [{ file: FILE, text: TEXT }];
const lines = (output: string): [number, string][] =>
    composeProblems(output, texts, '/w').map((p) => [p.line, p.message]);

describe('Compose errors → diagnostics', () => {
    it('v1 YAML syntax error: line and column from "in FILE, line N, column C"', () => {
        const out =
            'yaml.scanner.ScannerError: mapping values are not allowed here\n  in "./compose.yaml", line 6, column 7\n';
        assert.deepEqual(composeProblems(out, texts, '/w'), [
            { file: FILE, line: 5, column: 6, message: 'mapping values are not allowed here' },
        ]);
    });

    it('v1 YAML error with two locations gives both', () => {
        const out =
            'yaml.scanner.ScannerError: while scanning a quoted scalar\n  in "./compose.yaml", line 4, column 14\n' +
            'found unexpected end of stream\n  in "./compose.yaml", line 5, column 1\n';
        assert.deepEqual(lines(out), [
            [3, 'while scanning a quoted scalar'],
            [4, 'found unexpected end of stream'],
        ]);
    });

    it('v2 YAML syntax error: "yaml: line N: …", with or without the file', () => {
        assert.deepEqual(lines('yaml: line 12: mapping values are not allowed in this context'), [
            [11, 'mapping values are not allowed in this context'],
        ]);
        const other = [...texts, { file: '/w/compose.override.yaml', text: 'services: {}\n' }];
        const p = composeProblems(
            'parsing /w/compose.override.yaml: yaml: line 3: did not find expected key',
            other,
            '/w',
        );
        assert.equal(p[0]?.file, '/w/compose.override.yaml');
        assert.equal(p[0]?.line, 2);
    });

    it('v1 schema errors point at the key they name', () => {
        const out =
            "The Compose file './compose.yaml' is invalid because:\nUnsupported config option for services.web: 'bogus'\n" +
            'services.web.ports contains an invalid type, it should be an array\n';
        assert.deepEqual(lines(out), [
            [5, "Unsupported config option for services.web: 'bogus'"],
            [4, 'services.web.ports contains an invalid type, it should be an array'],
        ]);
    });

    it('v2 schema error: "validating FILE: services.web additional properties …"', () => {
        assert.deepEqual(lines("validating /w/compose.yaml: services.web additional properties 'bogus' not allowed"), [
            [5, "services.web additional properties 'bogus' not allowed"],
        ]);
    });

    it('undefined networks, volumes and services land on the referring key (v1 and v2 wordings)', () => {
        assert.deepEqual(lines('Service "web" uses an undefined network "front"'), [
            [3, 'Service "web" uses an undefined network "front"'],
        ]);
        assert.deepEqual(lines('service "web" refers to undefined network front: invalid compose project'), [
            [3, 'service "web" refers to undefined network front'],
        ]);
        assert.deepEqual(lines("Service 'db' depends on service 'nope' which is undefined."), [
            [8, "Service 'db' depends on service 'nope' which is undefined."],
        ]);
        assert.deepEqual(lines('service "db" depends on undefined service "nope": invalid compose project'), [
            [8, 'service "db" depends on undefined service "nope"'],
        ]);
        const named =
            'Named volume "data:/data:rw" is used in service "db" but no declaration was found in the volumes section.';
        assert.deepEqual(lines(named), [[9, named]]);
    });

    it('output that names no file line gives nothing (the notification carries it)', () => {
        assert.deepEqual(
            lines('Pulling web ... error\nERROR: pull access denied for nope, repository does not exist'),
            [],
        );
        assert.deepEqual(lines('Creating network "p_default" with the default driver\nCreating p_web_1 ... done'), []);
    });
});
