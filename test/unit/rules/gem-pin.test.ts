import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'gem-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good ones", () => {
        assert.deepEqual(hits(ID, 'FROM ruby:3.3\nRUN gem install bundler\n'), [[1, 'bundler']]);
        assert.deepEqual(hits(ID, 'FROM ruby:3.3\nRUN gem install bundler:2.0.2\n'), []);
        assert.deepEqual(hits(ID, 'FROM ruby:3.3\nRUN gem install bundler -v 2.0.2\n'), []);
        assert.equal(findings(ID, 'FROM ruby:3.3\nRUN gem install bundler\n')[0]!.severity, 'warning');
    });
    it('accepts --version, local gems and option values', () => {
        for (const run of [
            'gem install --version=2.5.22 bundler',
            'gem install --no-document -i /opt/gems rails:7.2.1',
            'gem install ./vendor/x-1.0.gem y-2.0.gem',
            'gem install --source https://rubygems.example.com x:1',
            'bundle install && gem update --system 3.5.22',
            'gem install $GEMS',
        ]) {
            assert.deepEqual(hits(ID, `FROM ruby:3.3\nRUN ${run}\n`), [], run);
        }
    });
    it('checks gem i, sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM ruby:3.3',
            'RUN gem i rake --no-document',
            `RUN sh -c 'gem install rails'`,
            'ONBUILD RUN gem install puma',
            'RUN <<EOF',
            'gem install nokogiri',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [1, 'rake'],
            [2, 'rails'],
            [3, 'puma'],
            [5, 'nokogiri'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3028', () => {
        assert.deepEqual(hits(ID, 'FROM ruby:3.3\n# hadolint ignore=DL3028\nRUN gem install bundler\n'), []);
    });
});
