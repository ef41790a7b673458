import { defineConfig } from 'vitest/config';
import { TEST_FLAGS, define } from './variants.mjs';

export default defineConfig({
  define: define(TEST_FLAGS, 'test'),
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
