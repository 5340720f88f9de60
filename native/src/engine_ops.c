#include "engine_ops.h"

#include <llvm-c/Core.h>
#include <mlir-c/Dialect/IRDL.h>
#include <mlir-c/Pass.h>
#include <mlir-c/RegisterEverything.h>
#include <mlir-c/Target/LLVMIR.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static MlirDialectRegistry registry;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void global_init(void) {
  registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry); /* dialects and their extensions */
  mlirRegisterAllPasses();
}

/* Once per process, even when several Node environments (workers) load the addon. */
void engine_ops_global_init(void) { pthread_once(&init_once, global_init); }

MlirContext engine_ops_new_context(void) {
  /* No threading: deterministic diagnostic order and no thread pool per context. */
  return mlirContextCreateWithRegistry(registry, false);
}

static void pipeline_error(MlirStringRef s, void *userData) { strbuf_append((StrBuf *)userData, s.data, s.length); }

/* Parses the pipeline before the input, so a bad pipeline is reported whatever the input. */
static bool parse_pipeline(MlirPassManager pm, MlirStringRef pipeline, StrBuf *err) {
  /* On failure err receives `MLIR Textual PassPipeline Parser:1:5: error: ...` plus source and
     caret lines, as mlir-opt prints it; the JS side parses it like mlir-opt's stderr. */
  return mlirLogicalResultIsSuccess(
      mlirParsePassPipeline(mlirPassManagerGetAsOpPassManager(pm), pipeline, pipeline_error, err));
}

static bool translate(Engine *e, MlirOperation op, StrBuf *out) {
  if (!e->translations) {
    mlirRegisterAllLLVMTranslations(e->ctx);
    e->translations = true;
  }
  LLVMContextRef llvm = LLVMContextCreate();
  LLVMModuleRef mod = mlirTranslateModuleToLLVMIR(op, llvm);
  bool ok = mod != NULL;
  if (ok) {
    char *text = LLVMPrintModuleToString(mod);
    strbuf_append(out, text, strlen(text));
    LLVMDisposeMessage(text);
    LLVMDisposeModule(mod);
  }
  LLVMContextDispose(llvm);
  return ok;
}

static void print_op(MlirOperation op, bool generic, StrBuf *out) {
  MlirOpPrintingFlags flags = mlirOpPrintingFlagsCreate();
  if (generic) mlirOpPrintingFlagsPrintGenericOpForm(flags);
  mlirOperationPrintWithFlags(op, flags, strbuf_callback, out);
  mlirOpPrintingFlagsDestroy(flags);
  strbuf_append(out, "\n", 1); /* mlir-opt writes a newline after the printed op */
}

void engine_ops_run(Engine *e, const OpRequest *req, OpResult *res) {
  res->ok = false;
  MlirPassManager pm = {NULL};
  if (req->kind == OP_RUN) {
    pm = mlirPassManagerCreate(e->ctx);
    if (!parse_pipeline(pm, req->pipeline, &res->pipelineError)) {
      mlirPassManagerDestroy(pm);
      return;
    }
  }
  MlirModule m = mlirModuleCreateParse(e->ctx, req->text); /* parses and verifies */
  if (!mlirModuleIsNull(m)) {
    MlirOperation op = mlirModuleGetOperation(m);
    switch (req->kind) {
      case OP_VERIFY:
        res->ok = true;
        break;
      case OP_LOAD_IRDL:
        res->ok = mlirLogicalResultIsSuccess(mlirLoadIRDLDialects(m));
        break;
      case OP_RUN:
        res->ok = mlirLogicalResultIsSuccess(mlirPassManagerRunOnOp(pm, op));
        if (res->ok && req->print) print_op(op, req->printGeneric, &res->output);
        break;
      case OP_TRANSLATE:
        res->ok = translate(e, op, &res->output);
        break;
    }
    mlirModuleDestroy(m);
  }
  if (pm.ptr) mlirPassManagerDestroy(pm);
}
