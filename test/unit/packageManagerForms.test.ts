import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hits } from './helpers';

// Issue 16 §1, package managers: the spellings a rule must read like the plain one (short sub-command
// names, microdnf beside dnf, aptitude beside apt-get, options placed before the sub-command, cache
// folders removed instead of the clean sub-command, modules, flags that take a value, `--` ending the
// gems), and those it must leave (pipenv's lock file).

const df = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('package managers: short sub-command names', () => {
    it('dnf in / yum in install: pinning and clean-up are checked as for install', () => {
        assert.deepEqual(hits('dnf-pin', df('FROM fedora:41', 'RUN dnf in -y httpd && dnf clean all')), [[1, 'httpd']]);
        assert.deepEqual(hits('dnf-clean', df('FROM fedora:41', 'RUN dnf in -y httpd-2.4.62')).length, 1);
        assert.deepEqual(hits('yum-pin', df('FROM centos:7', 'RUN yum in -y tomcat && yum clean all')), [
            [1, 'tomcat'],
        ]);
        assert.deepEqual(hits('yum-clean', df('FROM centos:7', 'RUN yum in -y tomcat-9.0')).length, 1);
    });
    it('a pinned `in` is quiet, and removing the cache folder counts as the clean-up', () => {
        assert.deepEqual(hits('yum-pin', df('FROM centos:7', 'RUN yum in -y tomcat-9.0 && yum clean all')), []);
        assert.deepEqual(
            hits('yum-clean', df('FROM centos:7', 'RUN yum in -y tomcat-9.0 && rm -rf /var/cache/yum')),
            [],
        );
        assert.deepEqual(
            hits('dnf-clean', df('FROM fedora:41', 'RUN dnf in -y httpd-2.4 && rm -rf /var/cache/dnf/*')),
            [],
        );
    });
});

describe('package managers: microdnf wherever dnf is handled', () => {
    const ubi = 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5';
    it('yes-flag, clean-up and pinning', () => {
        assert.deepEqual(hits('dnf-yes', df(ubi, 'RUN microdnf install tar-1.34 && microdnf clean all')), [
            [1, 'microdnf install'],
        ]);
        assert.equal(hits('dnf-clean', df(ubi, 'RUN microdnf install -y tar-1.34')).length, 1);
        assert.deepEqual(hits('dnf-pin', df(ubi, 'RUN microdnf install -y tar && microdnf clean all')), [[1, 'tar']]);
    });
    it('a well-written microdnf RUN is quiet', () => {
        const text = df(ubi, 'RUN microdnf install -y tar-1.34 && microdnf clean all');
        for (const id of ['dnf-yes', 'dnf-clean', 'dnf-pin']) {
            assert.deepEqual(hits(id, text), [], id);
        }
    });
});

describe('package managers: aptitude beside apt-get', () => {
    it('asks for -y and a version, and for the lists to go', () => {
        const text = df('FROM debian:12', 'RUN aptitude update && aptitude install nginx');
        assert.deepEqual(hits('apt-yes', text), [[1, 'aptitude install']]);
        assert.deepEqual(hits('apt-pin', text), [[1, 'nginx']]);
        assert.equal(hits('apt-lists-cleanup', text).length, 1);
    });
    it('is quiet when written well', () => {
        const text = df(
            'FROM debian:12',
            'RUN aptitude update && aptitude install -y nginx=1.22.1-9 && rm -rf /var/lib/apt/lists/*',
        );
        for (const id of ['apt-yes', 'apt-pin', 'apt-lists-cleanup']) {
            assert.deepEqual(hits(id, text), [], id);
        }
    });
});

describe('package managers: global options before the sub-command', () => {
    it('zypper -n / --non-interactive install answers the prompts', () => {
        assert.deepEqual(hits('zypper-yes', df('FROM opensuse/leap:15.6', 'RUN zypper -n install nginx=1.21')), []);
        assert.deepEqual(
            hits('zypper-yes', df('FROM opensuse/leap:15.6', 'RUN zypper --non-interactive install nginx=1.21')),
            [],
        );
        assert.equal(hits('zypper-yes', df('FROM opensuse/leap:15.6', 'RUN zypper install nginx=1.21')).length, 1);
    });
    it('zypper remove followed by clean, and dnf upgrade, are judged like installs', () => {
        assert.deepEqual(
            hits('zypper-clean', df('FROM opensuse/leap:15.6', 'RUN zypper -n remove vim && zypper clean')),
            [],
        );
        assert.equal(hits('dnf-clean', df('FROM fedora:41', 'RUN dnf upgrade -y')).length, 1);
        assert.deepEqual(hits('dnf-clean', df('FROM fedora:41', 'RUN dnf upgrade -y && dnf clean all')), []);
    });
});

describe('package managers: modules', () => {
    it('yum module install and dnf module install need a :stream', () => {
        assert.deepEqual(hits('yum-pin', df('FROM centos:8', 'RUN yum module install -y nodejs && yum clean all')), [
            [1, 'nodejs'],
        ]);
        assert.deepEqual(
            hits('yum-pin', df('FROM centos:8', 'RUN yum module install -y nodejs:18 && yum clean all')),
            [],
        );
        assert.deepEqual(hits('dnf-pin', df('FROM fedora:41', 'RUN dnf module install -y nodejs && dnf clean all')), [
            [1, 'nodejs'],
        ]);
    });
});

describe('package managers: options that take a value, and what ends the package list', () => {
    it('pip --root-user-action ignore: `ignore` is the option’s value, not a package', () => {
        const text = df('FROM python:3.12', 'RUN pip install --no-cache-dir --root-user-action ignore flask==3.0.3');
        assert.deepEqual(hits('pip-pin', text), []);
        const loose = df('FROM python:3.12', 'RUN pip install --no-cache-dir --root-user-action ignore flask');
        assert.deepEqual(hits('pip-pin', loose), [[1, 'flask']]);
    });
    it('gem install: the words after `--` are build options, not gems', () => {
        assert.deepEqual(
            hits('gem-pin', df('FROM ruby:3.3', 'RUN gem install nokogiri:1.16.7 -- --use-system-libraries')),
            [],
        );
        assert.deepEqual(hits('gem-pin', df('FROM ruby:3.3', 'RUN gem install nokogiri -- --use-system-libraries')), [
            [1, 'nokogiri'],
        ]);
        assert.deepEqual(
            hits('gem-pin', df('FROM ruby:3.3', 'RUN gem install --source https://rubygems.org rails:7.1')),
            [],
        );
    });
    it('pipenv install pins through Pipfile.lock; pip does not', () => {
        assert.deepEqual(hits('pip-pin', df('FROM python:3.12', 'RUN pipenv install flask')), []);
        assert.deepEqual(hits('pip-pin', df('FROM python:3.12', 'RUN pip install --no-cache-dir flask')), [
            [1, 'flask'],
        ]);
    });
    it('PIP_NO_CACHE_DIR set in ENV or on the command (any value turns pip’s cache off)', () => {
        for (const text of [
            df('FROM python:3.12', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask==3.0.3'),
            df('FROM python:3.12', 'RUN PIP_NO_CACHE_DIR=true pip install flask==3.0.3'),
            df('FROM python:3.12', 'RUN export PIP_NO_CACHE_DIR=on && pip install flask==3.0.3'),
            df('FROM python:3.12', 'ENV PIP_NO_CACHE_DIR=off', 'RUN pip install flask==3.0.3'),
        ]) {
            assert.deepEqual(hits('pip-no-cache-dir', text), [], text);
        }
        assert.equal(hits('pip-no-cache-dir', df('FROM python:3.12', 'RUN pip install flask==3.0.3')).length, 1);
    });
});
