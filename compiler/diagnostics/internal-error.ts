/**
 * A bug in xprc itself, not a problem in the user's manifest.
 *
 * User errors are reported as diagnostics with a manifest location. An
 * InternalError means the compiler produced something it should never have
 * produced (for example a DSC block that does not match its resource schema),
 * so it is thrown rather than reported, and the message is for xprc developers.
 */
export class InternalError extends Error {
    override readonly name = 'InternalError';

    constructor(message: string, options?: ErrorOptions) {
        super(message, options);
    }
}
