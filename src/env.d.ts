/** Set by the build: the package version. */
declare const __VERSION__: string;
/** Set by the build: true in the debug build (messages, payload checks, overlay), false in the shop bundle. */
declare const __DEBUG__: boolean;
/** Set by the build: the zero-config sources (JSON-LD, microdata, OpenGraph, dataLayer, platforms) are in. */
declare const __ZERO__: boolean;
/** Set by the build: the REST transport is in. */
declare const __REST__: boolean;
/** Set by the build: the structured-data readers, platform adapters and REST load as chunks beside the file (the shop bundle). */
declare const __CHUNKS__: boolean;
