#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

void strbuf_init(StrBuf *b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void strbuf_free(StrBuf *b) {
  free(b->data);
  strbuf_init(b);
}

void strbuf_append(StrBuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) return; /* out of memory: drop the text rather than crash */
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void strbuf_callback(MlirStringRef s, void *userData) {
  strbuf_append((StrBuf *)userData, s.data, s.length);
}
