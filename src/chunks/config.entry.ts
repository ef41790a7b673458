import { configMessage } from '../config/messages';
import { register } from './load';

// The shop files' config-problem wording, loaded only when `yespoConfig` has a problem.
register('config', { configMessage });
