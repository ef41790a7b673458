export { checkConfig, checkOptions, defaults } from './check';
export { configMessage } from './messages';
export type { Checked, CheckedOptions, ConfigProblem, ResolvedConfig, YespoConfig } from './types';
