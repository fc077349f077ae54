export * from './id-claim.events';
export * from './id-claim.commands';
export * from './id-claim.decider';
