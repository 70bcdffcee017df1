// The little of jsdom the Mermaid test uses (no @types/jsdom in the project).
declare module 'jsdom' {
    export class JSDOM {
        constructor(html: string);
        readonly window: { readonly document: unknown };
    }
}
