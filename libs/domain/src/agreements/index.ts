export * from './agreement.events';
export * from './agreement.commands';
export * from './agreement.decider';
export * from './agreement.administration';
export * from './business-calendar';
