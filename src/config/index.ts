export { checkConfig, defaults, invalidMsg, missingMsg, unknownMsg } from './check';
export type { Checked, ResolvedConfig, YespoConfig } from './types';
