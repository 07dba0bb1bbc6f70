export const FIRST_YEAR: number;
export const LAST_YEAR: number;
export function generate(): string;
