export * from './contract.events';
export * from './contract.commands';
export * from './contract.decider';
export * from './entitlement';
export * from './contract-term.events';
