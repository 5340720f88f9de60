#include "diag_collect.h"

#include <stdbool.h>
#include <string.h>

#include "strbuf.h"

static void set_str(napi_env env, napi_value obj, const char *key, const char *s, size_t n) {
  napi_value v;
  if (napi_create_string_utf8(env, s, n, &v) == napi_ok) napi_set_named_property(env, obj, key, v);
}

static void set_int(napi_env env, napi_value obj, const char *key, int64_t x) {
  napi_value v;
  if (napi_create_int64(env, x, &v) == napi_ok) napi_set_named_property(env, obj, key, v);
}

static const char *severity_name(MlirDiagnosticSeverity s) {
  switch (s) {
    case MlirDiagnosticError: return "error";
    case MlirDiagnosticWarning: return "warning";
    case MlirDiagnosticNote: return "note";
    case MlirDiagnosticRemark: return "remark";
  }
  return "error";
}

/*
 * The location mlir-opt's SourceMgrDiagnosticHandler would show: the first
 * file:line:col found through name, call-site (callee) and fused locations.
 */
static bool find_file_loc(MlirLocation loc, MlirLocation *out, int depth) {
  if (mlirLocationIsNull(loc) || depth > 64) return false;
  if (mlirLocationIsAFileLineColRange(loc)) {
    *out = loc;
    return true;
  }
  if (mlirLocationIsAName(loc)) return find_file_loc(mlirLocationNameGetChildLoc(loc), out, depth + 1);
  if (mlirLocationIsACallSite(loc)) return find_file_loc(mlirLocationCallSiteGetCallee(loc), out, depth + 1);
  if (mlirLocationIsAFused(loc)) {
    intptr_t n = mlirLocationFusedGetNumLocations(loc);
    if (n <= 0 || n > 4096) return false;
    MlirLocation locs[n];
    mlirLocationFusedGetLocations(loc, locs);
    for (intptr_t i = 0; i < n; i++)
      if (find_file_loc(locs[i], out, depth + 1)) return true;
  }
  return false;
}

static napi_value diagnostic_to_js(napi_env env, MlirDiagnostic diag) {
  napi_value obj;
  if (napi_create_object(env, &obj) != napi_ok) return NULL;
  const char *sev = severity_name(mlirDiagnosticGetSeverity(diag));
  set_str(env, obj, "severity", sev, strlen(sev));

  StrBuf msg;
  strbuf_init(&msg);
  MlirLocation loc = mlirDiagnosticGetLocation(diag);
  MlirLocation fileLoc;
  if (find_file_loc(loc, &fileLoc, 0)) {
    MlirStringRef file = mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(fileLoc));
    set_str(env, obj, "file", file.data, file.length);
    set_int(env, obj, "line", mlirLocationFileLineColRangeGetStartLine(fileLoc));
    set_int(env, obj, "col", mlirLocationFileLineColRangeGetStartColumn(fileLoc));
  } else if (!mlirLocationEqual(loc, mlirLocationUnknownGet(mlirLocationGetContext(loc)))) {
    /* Like mlir-opt: a location without file position is printed before the message. */
    mlirLocationPrint(loc, strbuf_callback, &msg);
    strbuf_append(&msg, ": ", 2);
  }
  mlirDiagnosticPrint(diag, strbuf_callback, &msg);
  set_str(env, obj, "message", msg.data ? msg.data : "", msg.len);
  strbuf_free(&msg);

  napi_value notes;
  napi_create_array(env, &notes);
  intptr_t n = mlirDiagnosticGetNumNotes(diag);
  for (intptr_t i = 0; i < n; i++) {
    napi_value note = diagnostic_to_js(env, mlirDiagnosticGetNote(diag, i));
    if (note) napi_set_element(env, notes, (uint32_t)i, note);
  }
  napi_set_named_property(env, obj, "notes", notes);
  return obj;
}

static MlirLogicalResult handle(MlirDiagnostic diag, void *userData) {
  DiagCollector *c = (DiagCollector *)userData;
  napi_value obj = diagnostic_to_js(c->env, diag);
  if (obj) napi_set_element(c->env, c->array, c->count++, obj);
  return mlirLogicalResultSuccess(); /* handled: nothing reaches stderr */
}

napi_status diag_collector_attach(DiagCollector *c, napi_env env, MlirContext ctx) {
  c->env = env;
  c->count = 0;
  c->ctx = ctx;
  napi_status st = napi_create_array(env, &c->array);
  if (st != napi_ok) return st;
  c->id = mlirContextAttachDiagnosticHandler(ctx, handle, c, NULL);
  return napi_ok;
}

void diag_collector_detach(DiagCollector *c) { mlirContextDetachDiagnosticHandler(c->ctx, c->id); }

void diag_collector_push_plain(DiagCollector *c, const char *severity, const char *message) {
  napi_value obj, notes;
  if (napi_create_object(c->env, &obj) != napi_ok) return;
  set_str(c->env, obj, "severity", severity, strlen(severity));
  set_str(c->env, obj, "message", message, strlen(message));
  napi_create_array(c->env, &notes);
  napi_set_named_property(c->env, obj, "notes", notes);
  napi_set_element(c->env, c->array, c->count++, obj);
}
