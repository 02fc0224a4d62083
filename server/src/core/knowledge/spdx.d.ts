// spdx-expression-parse ships no types; this is the part Dockwise uses.
declare module 'spdx-expression-parse' {
    interface LicenseNode {
        license: string;
        plus?: boolean;
        exception?: string;
    }
    interface ConjunctionNode {
        conjunction: 'and' | 'or';
        left: LicenseNode | ConjunctionNode;
        right: LicenseNode | ConjunctionNode;
    }
    /** Throws on an expression that is not valid SPDX. */
    function parse(expression: string): LicenseNode | ConjunctionNode;
    export = parse;
}
