export * from './given-when-then';
export * from './engines';
export * from './private-kafka';
export * from './eventually';
export * from './late-bound';
