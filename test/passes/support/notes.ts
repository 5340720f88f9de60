/** Prints a measurement line from a test (shown in the vitest output) when NUMACCL_TEST_NOTES is set. */
export function upstreamArbitraryNote(line: string): void {
  if (process.env.NUMACCL_TEST_NOTES) console.log(line);
}
