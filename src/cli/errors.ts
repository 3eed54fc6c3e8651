// The user-facing error type lives in src/errors.ts (shared with src/kube, which must not import src/cli);
// re-exported here for the command code that imports it from the cli room.
export { describeError, redactUrlCredentials, UserError } from '../errors';
