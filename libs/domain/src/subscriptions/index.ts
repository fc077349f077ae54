export * from './customer-subscriptions.commands';
export * from './customer-subscriptions.decider';
export * from './customer-subscriptions.events';
