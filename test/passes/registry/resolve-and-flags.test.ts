import { describe, expect, it } from 'vitest';
import { boolOption, intOption, listOption, stringOption } from '../../../src/passes/options/index.js';
import { parsePipeline } from '../../../src/passes/pipeline/index.js';
import {
  definePass,
  definePipeline,
  dumpPipeline,
  formatResolvedPipeline,
  MIXED_PIPELINE_MESSAGE,
  PassRegistry,
  pipelineFromArgs,
  resolvePipeline,
} from '../../../src/passes/registry/index.js';
import { PipelineError } from '../../../src/passes/source/index.js';

function registry(): PassRegistry {
  const r = new PassRegistry();
  r.register(definePass({ argument: 'cse', summary: 'Eliminate common sub-expressions' }));
  r.register(definePass({ argument: 'canon', summary: 'Canonicalize', options: { 'max-iterations': intOption('Max', 10), 'top-down': boolOption('Top', true) } }));
  r.register(definePass({ argument: 'fn-only', summary: 'Runs on functions', anchor: 'func.func', options: { tag: stringOption('Tag') } }));
  r.register(definePass({ argument: 'mod-only', summary: 'Runs on modules', anchor: 'builtin.module' }));
  r.register(
    definePipeline({
      argument: 'cleanup',
      summary: 'canon then cse',
      options: { iterations: intOption('Iterations', 2), extra: listOption(stringOption('Extra passes')) },
      expand: (o) => [`canon{max-iterations=${o.iterations}}`, 'cse', ...o.extra].join(','),
    }),
  );
  return r;
}

function failure(f: () => unknown): PipelineError {
  try {
    f();
  } catch (e) {
    if (e instanceof PipelineError) return e;
    throw e;
  }
  throw new Error('expected a PipelineError');
}

describe('resolvePipeline', () => {
  it('checks op anchors under explicit nesting, with mlir-opt wording', () => {
    const r = registry();
    expect(formatResolvedPipeline(resolvePipeline(r, parsePipeline('builtin.module(func.func(fn-only),any(fn-only),mod-only)')))).toBe(
      'builtin.module(func.func(fn-only{tag=}),any(fn-only{tag=}),mod-only)',
    );
    const e = failure(() => resolvePipeline(r, parsePipeline('builtin.module(cse,fn-only)')));
    expect(e.detail).toBe(
      "Can't add pass 'fn-only' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?",
    );
    expect(e.column).toBe(20);
  });

  it('reports the first unknown name before any option error, with a suggestion', () => {
    const e = failure(() => resolvePipeline(registry(), parsePipeline('builtin.module(canon{bogus=1},func.func(csee))')));
    expect(e.detail).toBe("'csee' does not refer to a registered pass or pass pipeline");
    expect(e.column).toBe(41);
    expect(e.notes.map((n) => n.message)).toEqual(["did you mean 'cse'?"]);
  });

  it('expands registered pipelines in place with their options', () => {
    const p = resolvePipeline(registry(), parsePipeline('builtin.module(func.func(cleanup{iterations=5 extra=fn-only}))'));
    expect(formatResolvedPipeline(p)).toBe('builtin.module(func.func(canon{max-iterations=5 top-down=true},cse,fn-only{tag=}))');
  });

  it('turns the empty nest anchor into any', () => {
    expect(formatResolvedPipeline(resolvePipeline(registry(), parsePipeline('builtin.module(func.func((cse)))')))).toBe(
      'builtin.module(func.func(any(cse)))',
    );
  });
});

describe('pipelineFromArgs', () => {
  it('nests op-anchored pass flags implicitly, one nest per flag as mlir-opt does', () => {
    const { pipeline, rest } = pipelineFromArgs(registry(), ['--fn-only', '-canon=max-iterations=3', 'in.mlir', '--fn-only=tag=x', '-o', 'out']);
    expect(rest).toEqual(['in.mlir', '-o', 'out']);
    expect(dumpPipeline(pipeline!)).toBe(
      'Pass Manager with 3 passes:\nbuiltin.module(\n  func.func(\n    fn-only{tag=}\n  ),\n  canon{max-iterations=3 top-down=true},\n  func.func(\n    fn-only{tag=x}\n  )\n)\n\n',
    );
  });

  it('takes --pass-pipeline, -p and -p=, the last one winning', () => {
    const r = registry();
    expect(formatResolvedPipeline(pipelineFromArgs(r, ['-p', 'builtin.module(cse)']).pipeline!)).toBe('builtin.module(cse)');
    expect(formatResolvedPipeline(pipelineFromArgs(r, ['--pass-pipeline=builtin.module(cse)', '-p=any(cse)']).pipeline!)).toBe('any(cse)');
  });

  it('refuses to mix a textual pipeline with pass flags, in mlir-opt words', () => {
    const e = failure(() => pipelineFromArgs(registry(), ['--cse', '--pass-pipeline=builtin.module(cse)']));
    expect(e.detail).toBe(MIXED_PIPELINE_MESSAGE);
    expect(e.detail).toBe("'-pass-pipeline' option can't be used with individual pass options");
  });

  it('locates bad flag options inside the argument', () => {
    const e = failure(() => pipelineFromArgs(registry(), ['--canon=top-down=1 max-iterations=x']));
    expect(e.format()).toBe(
      "command line:1:35: error: for the --max-iterations option: 'x' value invalid for long argument!\n" +
        '--canon=top-down=1 max-iterations=x\n' +
        '                                  ^',
    );
  });

  it('rejects unknown flags when the tool options are known, suggesting close names', () => {
    const tool = { flags: new Set(['o', 'split-input-file']), withValue: new Set(['o']) };
    const ok = pipelineFromArgs(registry(), ['-o', '--cse', '--split-input-file', '--cse'], 'builtin.module', tool);
    expect(ok.rest).toEqual(['-o', '--cse', '--split-input-file']);
    expect(formatResolvedPipeline(ok.pipeline!)).toBe('builtin.module(cse)');
    const e = failure(() => pipelineFromArgs(registry(), ['--canno'], 'builtin.module', tool));
    expect(e.detail).toBe("Unknown command line argument '--canno'.");
    expect(e.notes.map((n) => n.message)).toEqual(["Did you mean '--canon'?"]);
  });

  it('returns no pipeline when no pass is selected', () => {
    expect(pipelineFromArgs(registry(), ['x.mlir']).pipeline).toBeUndefined();
  });
});
