import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleById } from '../../server/src/core/rules';

const root = path.resolve(__dirname, '..', '..', '..');

type Media = { markdown: string } | { image: string | Record<string, string>; altText: string } | { svg: string };

interface Step {
    id: string;
    title: string;
    description: string;
    media: Media;
    completionEvents?: string[];
}

interface Manifest {
    contributes: {
        commands?: { command: string }[];
        views?: Record<string, { id: string }[]>;
        viewsContainers?: Record<string, { id: string }[]>;
        walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
    };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;

/** VS Code's own commands that the walkthrough may run; anything else must be declared in package.json. */
const BUILT_IN_COMMANDS = new Set([
    'editor.action.marker.nextInFiles',
    'editor.action.quickFix',
    'workbench.action.files.newUntitledFile',
    'workbench.action.problems.focus',
    'workbench.action.quickOpen',
]);

const declared = new Set((contributes.commands ?? []).map((c) => c.command));
const viewIds = new Set(Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id)));
const containerIds = new Set(Object.values(contributes.viewsContainers ?? {}).flatMap((list) => list.map((c) => c.id)));

function isRunnable(command: string): boolean {
    if (declared.has(command) || BUILT_IN_COMMANDS.has(command)) {
        return true;
    }
    // VS Code creates `workbench.view.extension.<id>` for every view container an extension declares.
    const container = /^workbench\.view\.extension\.(.+)$/.exec(command)?.[1];
    return container !== undefined && containerIds.has(container);
}

interface CommandLink {
    command: string;
    args: unknown;
    /** The link is alone on its line, so the walkthrough shows it as a button. */
    button: boolean;
}

function commandLinks(markdown: string): CommandLink[] {
    const links: CommandLink[] = [];
    for (const line of markdown.split('\n')) {
        for (const m of line.matchAll(/\[[^\]]*\]\(command:(?:toSide:)?([^)?\s]+)(?:\?([^)\s]*))?\)/g)) {
            const query = m[2];
            links.push({
                command: m[1]!,
                args: query ? (JSON.parse(decodeURIComponent(query)) as unknown) : undefined,
                button: line.trim() === m[0],
            });
        }
    }
    return links;
}

function checkLink(link: CommandLink, where: string): void {
    assert.ok(isRunnable(link.command), `${where}: command ${link.command} is neither declared nor a known built-in`);
    if (link.command === 'dockwise.showRuleDocs' && link.args !== undefined) {
        const ruleId = [link.args].flat()[0];
        assert.ok(typeof ruleId === 'string' && ruleById(ruleId), `${where}: no rule ${String(ruleId)}`);
    }
}

function mediaFiles(media: Media): string[] {
    if ('markdown' in media) {
        return [media.markdown];
    }
    if ('svg' in media) {
        return [media.svg];
    }
    return typeof media.image === 'string' ? [media.image] : Object.values(media.image);
}

const walkthroughs = contributes.walkthroughs ?? [];

describe('walkthrough', () => {
    it('is contributed', () => {
        assert.ok(walkthroughs.length > 0);
        assert.ok(walkthroughs.some((w) => w.id === 'dockwise.gettingStarted'));
    });
    for (const walkthrough of walkthroughs) {
        describe(walkthrough.id, () => {
            it('has unique step ids', () => {
                const ids = walkthrough.steps.map((s) => s.id);
                assert.equal(new Set(ids).size, ids.length);
            });
            for (const step of walkthrough.steps) {
                describe(step.id, () => {
                    it('has a title, a description and existing media', () => {
                        assert.ok(step.title.length > 5 && step.description.length > 20);
                        for (const file of mediaFiles(step.media)) {
                            assert.ok(existsSync(path.join(root, file)), `media ${file} exists`);
                        }
                    });
                    it('has buttons that run real commands', () => {
                        const links = commandLinks(step.description);
                        assert.ok(
                            links.some((l) => l.button),
                            'at least one command link alone on its line (a button)',
                        );
                        for (const link of links) {
                            checkLink(link, `step ${step.id}`);
                        }
                    });
                    it('completes on real commands, views or context', () => {
                        const events = step.completionEvents ?? [];
                        assert.ok(events.length > 0, 'explicit completion events');
                        for (const event of events) {
                            const colon = event.indexOf(':');
                            const kind = colon < 0 ? event : event.slice(0, colon);
                            const value = colon < 0 ? '' : event.slice(colon + 1);
                            if (kind === 'onCommand') {
                                assert.ok(isRunnable(value), `${event}: not a runnable command`);
                            } else if (kind === 'onView') {
                                assert.ok(viewIds.has(value), `${event}: no such view`);
                            } else {
                                assert.ok(['onContext', 'onSettingChanged', 'onLink'].includes(kind), event);
                                assert.ok(value.length > 0, event);
                            }
                        }
                    });
                    it('links only to real commands and rules from its Markdown', () => {
                        for (const file of mediaFiles(step.media).filter((f) => f.endsWith('.md'))) {
                            for (const link of commandLinks(readFileSync(path.join(root, file), 'utf8'))) {
                                checkLink(link, file);
                            }
                        }
                    });
                });
            }
        });
    }
});
