export * from './gdap-roles';
export * from './gdap-status';
export * from './gdap.commands';
export * from './gdap.decider';
export * from './gdap.events';
export * from './instants';
export * from './on-behalf-case.policy';
export * from './support-plan';
