// A static site: every route is prerendered to HTML; the query string is read in the browser after hydration.
export const prerender = true;
