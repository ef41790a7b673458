/** Set by the build: the package version. */
declare const __VERSION__: string;
/** Set by the build: true in the debug build (messages, payload checks, overlay), false in the shop bundle. */
declare const __DEBUG__: boolean;
