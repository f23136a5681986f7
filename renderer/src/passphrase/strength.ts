// The rule lives in domain/ so that the store service enforces the very rule the page explains.
export * from '../../../domain/passphrase/strength';
