import { describe, expect, it } from 'vitest';
import { intOption, boolOption, enumOption, listOption, stringOption } from '../../../src/passes/options/index.js';
import { definePass, listPassesText, PassRegistry, passesHelpSection } from '../../../src/passes/registry/index.js';
import { runMlirOpt, upstreamPasses } from '../support/upstream-passes.js';

describe('help text', () => {
  it('reproduces mlir-opt-22 --list-passes byte for byte from the same pass descriptions', () => {
    const up = upstreamPasses();
    expect(up.registry.passes().length).toBeGreaterThan(400);
    // Split both listings into per-pass blocks; compare the passes whose options we can all describe.
    const blocks = (text: string): Map<string, string> => {
      const out = new Map<string, string>();
      let name = '';
      for (const line of text.split('\n').slice(1)) {
        const m = /^ {2}--(\S+?)\s*- {3}/.exec(line);
        if (m) name = m[1];
        out.set(name, (out.get(name) ?? '') + line + '\n');
      }
      return out;
    };
    const ours = blocks(listPassesText(up.registry));
    const theirs = blocks(up.listPassesText);
    expect(up.names.length).toBeGreaterThan(400);
    for (const name of up.names) expect([name, ours.get(name)]).toEqual([name, theirs.get(name)]);
  });

  it('lays out the --help pass section like mlir-opt for canonicalize', () => {
    const help = runMlirOpt(['--help']).stdout;
    const lines = help.split('\n');
    const start = lines.findIndex((l) => l.startsWith('      --canonicalize '));
    const theirs = lines.slice(start, start + 11).join('\n') + '\n';
    const globalWidth = lines[start].indexOf('-   Canonicalize') + 2;
    const registry = new PassRegistry();
    registry.register(
      definePass({
        argument: 'canonicalize',
        summary: 'Canonicalize operations',
        options: {
          'disable-patterns': listOption(stringOption('Labels of patterns that should be filtered out during application')),
          'enable-patterns': listOption(
            stringOption('Labels of patterns that should be used during application, all other patterns are filtered out'),
          ),
          'max-iterations': intOption('Max. iterations between applying patterns / simplifying regions', 10),
          'max-num-rewrites': intOption('Max. number of pattern rewrites within an iteration', -1),
          'region-simplify': enumOption(
            'Perform control flow optimizations to the region tree',
            {
              disabled: "Don't run any control-flow simplification.",
              normal: 'Perform simple control-flow simplifications (e.g. dead args elimination).',
              aggressive: 'Perform aggressive control-flow simplification (e.g. block merging).',
            },
            'normal',
          ),
          'test-convergence': boolOption('Test only: Fail pass on non-convergence to detect cyclic pattern'),
          'top-down': boolOption('Seed the worklist in general top-down order', true),
        },
      }),
    );
    const ours = passesHelpSection(registry, globalWidth).split('\n').slice(2).join('\n');
    expect(ours).toBe(theirs);
  });
});
