import type { Rule } from '../types';
import { keepAliveHack } from './keep-alive-hack';

/** Every Dockwise rule, in the order the docs list them. */
export const RULES: readonly Rule[] = [keepAliveHack];

export function ruleById(id: string): Rule | undefined {
    return RULES.find((r) => r.id === id);
}
