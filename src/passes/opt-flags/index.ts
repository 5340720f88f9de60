export { OPT_PASS_FLAG_NAMES, parseOptPassFlags, type OptPassFlags } from './opt-flags.js';
export { passManagerFromFlags, type FlagEnvironment } from './pass-manager-from-flags.js';
export { setupOptPasses, type OptSession, type OptSessionOptions } from './opt-session.js';
