/** The stage's LAPORA_RETENTION_DAYS (core's default 90), set by vite.config.ts at build time. */
declare const __LAPORA_RETENTION_DAYS__: number;
