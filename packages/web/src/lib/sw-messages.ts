/** What a page posts to a waiting service worker when the resident chose to load the new version. */
export const SKIP_WAITING = "lapora-skip-waiting";
