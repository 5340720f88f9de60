/* Collects MLIR diagnostics emitted during one call as JS objects. */
#ifndef NUMACCL_DIAG_COLLECT_H
#define NUMACCL_DIAG_COLLECT_H

#define NAPI_VERSION 8
#include <mlir-c/Diagnostics.h>
#include <mlir-c/IR.h>
#include <node_api.h>

typedef struct {
  napi_env env;
  napi_value array; /* JS array of { severity, message, file?, line?, col?, notes } */
  uint32_t count;
  MlirContext ctx;
  MlirDiagnosticHandlerID id;
} DiagCollector;

/* Attaches a handler to ctx that appends every diagnostic to a fresh JS array. */
napi_status diag_collector_attach(DiagCollector *c, napi_env env, MlirContext ctx);
void diag_collector_detach(DiagCollector *c);
/* Appends a diagnostic that did not come from MLIR (e.g. a pass-pipeline error). */
void diag_collector_push_plain(DiagCollector *c, const char *severity, const char *message);

#endif
