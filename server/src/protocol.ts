/**
 * The custom requests between the VS Code client and the server, declared once and
 * imported by both sides (no runtime dependencies, so the client bundle stays small).
 * The client asks the server for anything the core knows; it never re-implements it.
 */

/** Method names of the custom requests. */
export const Methods = {} as const;
