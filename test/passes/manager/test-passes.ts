/** Small passes for pass-manager tests, in a private registry. */
import { createContext } from '../../../src/dialects/index.js';
import { parse, type Operation } from '../../../src/ir/index.js';
import { boolOption, definePass, PassRegistry, stringOption } from '../../../src/passes/index.js';

export const FUNCS = `module {
  func.func @f(%a: i32) -> i32 {
    return %a : i32
  }
  func.func @g() {
    return
  }
}
`;

export function parseModule(text = FUNCS): Operation {
  return parse(createContext(), text, { fileName: 'in.mlir' }).module;
}

/** Appends each run to `log` as `<pass>@<op or symbol>`. */
export function testRegistry(log: string[] = []): PassRegistry {
  const r = new PassRegistry();
  const where = (op: Operation): string => {
    const sym = op.getAttr('sym_name') as { value?: string } | undefined;
    return sym?.value ?? op.name;
  };
  r.register(
    definePass({
      argument: 'test-tag',
      summary: 'Tags each function with a unit attribute',
      anchor: 'func.func',
      displayName: 'TestTag',
      options: { name: stringOption('Attribute name', 'test.tag'), skip: boolOption('Change nothing') },
      create: (o) => ({
        run(op: Operation) {
          log.push(`test-tag@${where(op)}`);
          if (!o.skip) op.setAttr(o.name, op.context.unitAttr());
        },
      }),
    }),
  );
  r.register(
    definePass({
      argument: 'test-log',
      summary: 'Records where it runs',
      create: () => ({
        run(op: Operation) {
          log.push(`test-log@${where(op)}`);
        },
      }),
    }),
  );
  r.register(
    definePass({
      argument: 'test-fail',
      summary: 'Fails on function g, silently',
      anchor: 'func.func',
      create: () => ({
        run(op, ctx) {
          log.push(`test-fail@${where(op)}`);
          if (where(op) === 'g') ctx.signalPassFailure();
        },
      }),
    }),
  );
  r.register(
    definePass({
      argument: 'test-error',
      summary: 'Emits an op error',
      anchor: 'func.func',
      create: () => ({
        run(op, ctx) {
          ctx.emitOpError(op, 'is not to my taste');
        },
      }),
    }),
  );
  r.register(
    definePass({
      argument: 'test-crash',
      summary: 'Throws',
      create: () => ({
        run() {
          throw new Error('boom');
        },
      }),
    }),
  );
  r.register(
    definePass({
      argument: 'test-break',
      summary: 'Removes the terminator of function g (invalid IR)',
      anchor: 'func.func',
      create: () => ({
        run(op) {
          if (where(op) !== 'g') return;
          const block = op.regions[0].blocks[0];
          block.lastOp?.erase();
        },
      }),
    }),
  );
  r.register(definePass({ argument: 'test-unimplemented', summary: 'Has no implementation' }));
  return r;
}
