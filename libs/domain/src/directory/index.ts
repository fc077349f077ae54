export * from './directory.commands';
export * from './directory.decider';
export * from './directory.events';
