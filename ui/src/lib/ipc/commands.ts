// The UI's way to the Rust shell: import commands from here. Every command's typed wrapper is
// generated from its Rust signature (commands.generated.ts, re-exported here) and invokes it
// through `call` (call.ts), which turns every rejection into a `UserError` ({ code, message }).
export * from './commands.generated';
export { isUserError, toUserError } from './errors';
