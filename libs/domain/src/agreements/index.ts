export * from './agreement.events';
export * from './agreement.commands';
export * from './agreement.decider';
