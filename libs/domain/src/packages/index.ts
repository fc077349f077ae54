export * from './package.events';
export * from './package.commands';
export * from './package.decider';
export * from './package-term.events';
