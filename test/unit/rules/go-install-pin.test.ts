import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'go-install-pin';

describe(ID, () => {
    it("follows hadolint's specification for go install, get and run", () => {
        for (const verb of ['install', 'get', 'run']) {
            assert.deepEqual(
                hits(ID, `FROM golang:1.23\nRUN go ${verb} example.com/pkg\n`),
                [[1, 'example.com/pkg']],
                verb,
            );
            assert.deepEqual(hits(ID, `FROM golang:1.23\nRUN go ${verb} example.com/pkg@latest\n`), [
                [1, 'example.com/pkg@latest'],
            ]);
            assert.deepEqual(hits(ID, `FROM golang:1.23\nRUN go ${verb} example.com/pkg@v1.2.3\n`), [], verb);
            assert.deepEqual(hits(ID, `FROM golang:1.23\nRUN go ${verb} /go/app/foobar ./app/foobar .\n`), [], verb);
        }
        assert.equal(findings(ID, 'FROM golang:1.23\nRUN go install example.com/pkg\n')[0]!.severity, 'warning');
    });
    it('passes over build flags and the arguments of the program go run starts', () => {
        for (const run of [
            'go run example.com/pkg@v1.2.3 -f --foo bar',
            'go install -ldflags "-s -w" -tags netgo -o /bin/app ./cmd/app',
            'go build -o /app . && go mod download && go vet ./...',
            'go install -v ./... && go run main.go',
            'go install std cmd && go get -u all',
            'go install mytool/cmd/x',
            'go install $TOOL',
        ]) {
            assert.deepEqual(hits(ID, `FROM golang:1.23\nRUN ${run}\n`), [], run);
        }
        assert.deepEqual(hits(ID, 'FROM golang:1.23\nRUN go get -tool -u example.com/x@upgrade\n'), [
            [1, 'example.com/x@upgrade'],
        ]);
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM golang:1.23',
            `RUN sh -c 'go install github.com/go-delve/delve/cmd/dlv@latest'`,
            'ONBUILD RUN go install honnef.co/go/tools/cmd/staticcheck',
            'RUN <<EOF',
            'go install golang.org/x/tools/cmd/goimports',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [1, 'github.com/go-delve/delve/cmd/dlv@latest'],
            [2, 'honnef.co/go/tools/cmd/staticcheck'],
            [4, 'golang.org/x/tools/cmd/goimports'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3062', () => {
        assert.deepEqual(hits(ID, 'FROM golang:1.23\n# hadolint ignore=DL3062\nRUN go install example.com/pkg\n'), []);
    });
});
