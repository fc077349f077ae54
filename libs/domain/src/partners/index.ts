export * from './partner-caller';
export * from './partner.commands';
export * from './partner.decider';
export * from './partner.events';
