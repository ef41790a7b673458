import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __VERSION__: JSON.stringify('test'), __DEBUG__: 'true', __ZERO__: 'true', __REST__: 'true' },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
