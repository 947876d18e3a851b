export const COMPILED_VALIDATORS: string;
export function compileSchemas(root: string, outDir: string): void;
