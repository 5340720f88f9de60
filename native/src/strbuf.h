/* A growable byte buffer used as the sink of MLIR's string callbacks. */
#ifndef NUMACCL_STRBUF_H
#define NUMACCL_STRBUF_H

#include <mlir-c/Support.h>
#include <stddef.h>

typedef struct {
  char *data;
  size_t len;
  size_t cap;
} StrBuf;

void strbuf_init(StrBuf *b);
void strbuf_free(StrBuf *b);
void strbuf_append(StrBuf *b, const char *s, size_t n);
/* MlirStringCallback that appends to the StrBuf passed as userData. */
void strbuf_callback(MlirStringRef s, void *userData);

#endif
