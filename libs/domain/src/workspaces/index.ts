export * from './workspace.events';
export * from './workspace.commands';
export * from './workspace.decider';
export * from './workspace.state';
