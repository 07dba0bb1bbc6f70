import type {Plugin} from 'vite';
export function builtinDataMiddleware(ctx: unknown, next: () => Promise<unknown>): Promise<unknown>;
export function viteBuiltinData(): Plugin;
