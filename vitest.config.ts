import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // The conformance and differential suites drive mlir-opt-22 processes; give them room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
