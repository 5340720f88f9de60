/* The MLIR work behind each addon call, free of Node-API except the collector. */
#ifndef NUMACCL_ENGINE_OPS_H
#define NUMACCL_ENGINE_OPS_H

#include <mlir-c/IR.h>
#include <stdbool.h>

#include "strbuf.h"

typedef enum { OP_VERIFY, OP_RUN, OP_TRANSLATE, OP_LOAD_IRDL } OpKind;

typedef struct {
  MlirContext ctx;
  bool poisoned;      /* a crash was caught while this context was in use */
  bool destroyed;
  bool translations;  /* LLVM IR translation interfaces registered */
} Engine;

typedef struct {
  OpKind kind;
  MlirStringRef text;
  MlirStringRef pipeline;  /* OP_RUN: anchored pipeline, e.g. builtin.module(cse) */
  bool printGeneric;
  bool print;              /* OP_RUN: print the module on success */
} OpRequest;

typedef struct {
  bool ok;
  StrBuf output;
  StrBuf pipelineError; /* OP_RUN: the pass-pipeline parser's message, if it failed */
} OpResult;

/* Registers all upstream dialects, extensions and passes once per process. */
void engine_ops_global_init(void);
MlirContext engine_ops_new_context(void);
/* Runs one request; diagnostics go to whatever handler is attached to e->ctx. */
void engine_ops_run(Engine *e, const OpRequest *req, OpResult *res);

#endif
