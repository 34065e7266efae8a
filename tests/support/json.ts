/** Replies of HTTP APIs under test are read as loose JSON and checked with matchers. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary JSON with toMatchObject.
export type Json = any;
