export declare const PINNED_INSTANT: string;
export declare const BROWSER_TIME_ZONE: string;
