/** The HTTP port: the global fetch in production, the same fetch against 127.0.0.1 in tests. */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;
