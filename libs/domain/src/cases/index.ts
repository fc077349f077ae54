export * from './case.events';
export * from './case.commands';
export * from './case.decider';
export * from './response-target';
export * from './case-target.events';
export * from './case-target';
