export * from './consumption.events';
export * from './consumption.commands';
export * from './consumption.decider';
export * from './balance.events';
export * from './balance';
