/*
 * numaccl_mlir: a Node-API addon over MLIR 22's C API. Only Node-API is used
 * (NAPI_VERSION 8), so a build against the machine's Node headers loads in
 * any Node >= 12.22. Exports:
 *   createContext() -> handle
 *   destroyContext(handle)
 *   call(handle, kind, text, pipeline, allowUnregistered, printGeneric)
 *     -> { ok, output, diagnostics, pipelineError, crashed }
 *   kind: 0 verify, 1 run, 2 translate to LLVM IR, 3 load IRDL dialects.
 *   liveContexts() -> number of contexts created and not destroyed
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crash_guard.h"
#include "diag_collect.h"
#include "engine_ops.h"

#define CHECK(env, call)                                              \
  do {                                                                \
    if ((call) != napi_ok) {                                          \
      napi_throw_error((env), "NUMACCL_MLIR", "Node-API call failed"); \
      return NULL;                                                    \
    }                                                                 \
  } while (0)

/* Contexts created and not yet destroyed (poisoned ones stay counted: they are leaked). */
static int64_t live_contexts = 0;

static void destroy_engine_context(Engine *e) {
  /* A poisoned context may hold corrupt state: leak it rather than touch it. */
  if (!e->destroyed && !e->poisoned) {
    mlirContextDestroy(e->ctx);
    live_contexts--;
  }
  e->destroyed = true;
}

static void engine_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  Engine *e = (Engine *)data;
  destroy_engine_context(e);
  free(e);
}

static Engine *get_engine(napi_env env, napi_value v) {
  void *data = NULL;
  if (napi_get_value_external(env, v, &data) != napi_ok || !data) {
    napi_throw_type_error(env, "NUMACCL_MLIR", "expected an MLIR context handle");
    return NULL;
  }
  Engine *e = (Engine *)data;
  if (e->destroyed) {
    napi_throw_error(env, "NUMACCL_MLIR", "MLIR context used after dispose()");
    return NULL;
  }
  return e;
}

/* Copies a JS string argument into a malloc'd UTF-8 buffer. */
static char *get_string(napi_env env, napi_value v, size_t *len) {
  size_t n = 0;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &n) != napi_ok) {
    napi_throw_type_error(env, "NUMACCL_MLIR", "expected a string argument");
    return NULL;
  }
  char *buf = malloc(n + 1);
  if (!buf) {
    napi_throw_error(env, "NUMACCL_MLIR", "out of memory");
    return NULL;
  }
  napi_get_value_string_utf8(env, v, buf, n + 1, &n);
  *len = n;
  return buf;
}

static napi_value create_context(napi_env env, napi_callback_info info) {
  (void)info;
  Engine *e = calloc(1, sizeof(Engine));
  if (!e) {
    napi_throw_error(env, "NUMACCL_MLIR", "out of memory");
    return NULL;
  }
  e->ctx = engine_ops_new_context();
  live_contexts++;
  napi_value handle;
  CHECK(env, napi_create_external(env, e, engine_finalize, NULL, &handle));
  return handle;
}

static napi_value destroy_context(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  void *data = NULL;
  if (argc < 1 || napi_get_value_external(env, argv[0], &data) != napi_ok || !data) return NULL;
  destroy_engine_context((Engine *)data);
  return NULL;
}

static napi_value live_context_count(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  CHECK(env, napi_create_int64(env, live_contexts, &v));
  return v;
}

static void set_string(napi_env env, napi_value obj, const char *key, const StrBuf *b) {
  napi_value v;
  napi_create_string_utf8(env, b->data ? b->data : "", b->len, &v);
  napi_set_named_property(env, obj, key, v);
}

static void set_bool(napi_env env, napi_value obj, const char *key, bool x) {
  napi_value v;
  napi_get_boolean(env, x, &v);
  napi_set_named_property(env, obj, key, v);
}

/* Runs the request under the crash guard. Kept out of line so no local of
   the caller lives across sigsetjmp/siglongjmp. */
static bool __attribute__((noinline)) guarded_run(Engine *e, const OpRequest *req, OpResult *res) {
  if (sigsetjmp(crash_guard_jmp, 1) == 0) {
    crash_guard_arm();
    engine_ops_run(e, req, res);
    crash_guard_disarm();
    return true;
  }
  crash_guard_disarm();
  return false;
}

static napi_value call(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 6) {
    napi_throw_type_error(env, "NUMACCL_MLIR", "call(handle, kind, text, pipeline, allowUnregistered, printGeneric)");
    return NULL;
  }
  Engine *e = get_engine(env, argv[0]);
  if (!e) return NULL;
  if (e->poisoned) {
    napi_throw_error(env, "NUMACCL_MLIR", "MLIR context is unusable after a caught crash");
    return NULL;
  }
  int32_t kind = 0;
  bool allowUnregistered = false, printGeneric = false;
  CHECK(env, napi_get_value_int32(env, argv[1], &kind));
  CHECK(env, napi_get_value_bool(env, argv[4], &allowUnregistered));
  CHECK(env, napi_get_value_bool(env, argv[5], &printGeneric));
  if (kind < OP_VERIFY || kind > OP_LOAD_IRDL) {
    napi_throw_range_error(env, "NUMACCL_MLIR", "unknown operation kind");
    return NULL;
  }
  size_t textLen = 0, pipeLen = 0;
  char *text = get_string(env, argv[2], &textLen);
  if (!text) return NULL;
  char *pipeline = get_string(env, argv[3], &pipeLen);
  if (!pipeline) {
    free(text);
    return NULL;
  }

  OpRequest req = {
      .kind = (OpKind)kind,
      .text = mlirStringRefCreate(text, textLen),
      .pipeline = mlirStringRefCreate(pipeline, pipeLen),
      .printGeneric = printGeneric,
      .print = true,
  };
  OpResult res;
  res.ok = false;
  strbuf_init(&res.output);
  strbuf_init(&res.pipelineError);

  mlirContextSetAllowUnregisteredDialects(e->ctx, allowUnregistered);
  DiagCollector diags;
  if (diag_collector_attach(&diags, env, e->ctx) != napi_ok) {
    free(text);
    free(pipeline);
    napi_throw_error(env, "NUMACCL_MLIR", "Node-API call failed");
    return NULL;
  }
  bool finished = guarded_run(e, &req, &res);
  napi_value result;
  napi_create_object(env, &result);
  if (finished) {
    diag_collector_detach(&diags);
  } else {
    /* The context may be half-way through anything: never touch it again. */
    e->poisoned = true;
    res.ok = false;
    char msg[700];
    int sig = crash_guard_last_signal();
    if (sig == -1)
      snprintf(msg, sizeof msg, "MLIR reported a fatal error: %s", crash_guard_last_reason());
    else
      snprintf(msg, sizeof msg, "MLIR crashed (signal %d) on this input", sig);
    diag_collector_push_plain(&diags, "error", msg);
  }
  set_bool(env, result, "ok", res.ok);
  set_bool(env, result, "crashed", !finished);
  set_string(env, result, "output", &res.output);
  set_string(env, result, "pipelineError", &res.pipelineError);
  napi_set_named_property(env, result, "diagnostics", diags.array);
  strbuf_free(&res.output);
  strbuf_free(&res.pipelineError);
  free(text);
  free(pipeline);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  crash_guard_init();
  engine_ops_global_init();
  napi_property_descriptor props[] = {
      {"createContext", NULL, create_context, NULL, NULL, NULL, napi_default, NULL},
      {"destroyContext", NULL, destroy_context, NULL, NULL, NULL, napi_default, NULL},
      {"call", NULL, call, NULL, NULL, NULL, napi_default, NULL},
      {"liveContexts", NULL, live_context_count, NULL, NULL, NULL, napi_default, NULL},
  };
  CHECK(env, napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(numaccl_mlir, init)
