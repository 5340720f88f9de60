#define _GNU_SOURCE
#include "crash_guard.h"

#include <llvm-c/ErrorHandling.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

__thread sigjmp_buf crash_guard_jmp;

static const int kSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
#define NSIG_GUARDED (sizeof(kSignals) / sizeof(kSignals[0]))

/*
 * Handlers are process-wide but guards are per thread (worker threads may call
 * MLIR concurrently): the first thread to arm installs our handlers, the last
 * to disarm puts the previous ones (e.g. V8's WebAssembly trap handler) back.
 */
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;
static int installed_count = 0;
static struct sigaction previous[NSIG_GUARDED];
static __thread volatile sig_atomic_t armed = 0;
static __thread volatile sig_atomic_t last_signal = 0;
static __thread char last_reason[512];
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static __thread int thread_has_altstack = 0;

/* sigaltstack is per thread: give each calling thread its own (leaked) stack once. */
static void ensure_altstack(void) {
  if (thread_has_altstack) return;
  thread_has_altstack = 1;
  stack_t ss;
  size_t size = 1 << 16;
  ss.ss_sp = malloc(size);
  ss.ss_size = size;
  ss.ss_flags = 0;
  if (ss.ss_sp) sigaltstack(&ss, NULL);
}

static void on_fatal_signal(int sig, siginfo_t *info, void *uctx) {
  if (armed) {
    armed = 0;
    last_signal = sig;
    last_reason[0] = '\0';
    siglongjmp(crash_guard_jmp, 1);
  }
  /* Not ours (another thread, or outside a guarded call): hand it to the previous handler. */
  for (size_t i = 0; i < NSIG_GUARDED; i++) {
    if (kSignals[i] != sig) continue;
    const struct sigaction *prev = &previous[i];
    if (prev->sa_flags & SA_SIGINFO) {
      prev->sa_sigaction(sig, info, uctx);
      return;
    }
    if (prev->sa_handler == SIG_IGN) return;
    if (prev->sa_handler != SIG_DFL) {
      prev->sa_handler(sig);
      return;
    }
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

/* LLVM calls this before exit(1); leave through the guard when armed. */
static void on_llvm_fatal(const char *reason) {
  if (armed) {
    armed = 0;
    last_signal = -1;
    strncpy(last_reason, reason ? reason : "", sizeof(last_reason) - 1);
    last_reason[sizeof(last_reason) - 1] = '\0';
    siglongjmp(crash_guard_jmp, 1);
  }
}

static void install_fatal_handler(void) { LLVMInstallFatalErrorHandler(on_llvm_fatal); }

void crash_guard_init(void) { pthread_once(&init_once, install_fatal_handler); }

void crash_guard_arm(void) {
  /* An alternate stack so that stack overflows (deep nesting) are caught too. */
  ensure_altstack();
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fatal_signal;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  pthread_mutex_lock(&install_lock);
  if (installed_count++ == 0)
    for (size_t i = 0; i < NSIG_GUARDED; i++) sigaction(kSignals[i], &sa, &previous[i]);
  pthread_mutex_unlock(&install_lock);
  armed = 1;
}

void crash_guard_disarm(void) {
  armed = 0;
  pthread_mutex_lock(&install_lock);
  if (--installed_count == 0)
    for (size_t i = 0; i < NSIG_GUARDED; i++) sigaction(kSignals[i], &previous[i], NULL);
  pthread_mutex_unlock(&install_lock);
}

int crash_guard_last_signal(void) { return last_signal; }

const char *crash_guard_last_reason(void) { return last_reason; }
