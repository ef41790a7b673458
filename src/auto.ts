import { start } from './index';

// The script-tag build: start as soon as the file runs.
start();
