import * as fs from 'node:fs';
import * as path from 'node:path';

/** test/fixtures/engine, from the compiled out/test/unit/engine folder or the sources. */
export const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'engine');

/** A recorded Engine API response (see test/fixtures/engine/capture.mjs). */
export function fixture<T = unknown>(name: string): T {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}

export function fixtureText(name: string): string {
    return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
