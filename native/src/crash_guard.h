/*
 * Crash guard around calls into MLIR. Some malformed inputs make MLIR 22
 * crash (e.g. `array<index: 1, 2>` segfaults mlir-opt-22 too) or call
 * report_fatal_error, which would exit(1). While a guarded call runs, fatal
 * signals and LLVM fatal errors jump back to the guard point instead, so the
 * Node process survives; the MLIR context involved is then considered
 * poisoned and is leaked, never reused.
 */
#ifndef NUMACCL_CRASH_GUARD_H
#define NUMACCL_CRASH_GUARD_H

#include <setjmp.h>

/* Per thread: each thread guards its own calls. */
extern __thread sigjmp_buf crash_guard_jmp;

/* Installs the handlers; call right after a sigsetjmp(crash_guard_jmp, 1) returned 0. */
void crash_guard_arm(void);
/* Restores the previous handlers; call on both the normal and the crash path. */
void crash_guard_disarm(void);
/* Signal number (or -1 for an LLVM fatal error) that tripped the last guard. */
int crash_guard_last_signal(void);
/* Text of the last LLVM fatal error, or "" when the trip was a signal. */
const char *crash_guard_last_reason(void);
/* One-time set-up: alternate signal stack and LLVM fatal-error handler. */
void crash_guard_init(void);

#endif
