export * from './brand';
export * from './decider';
export * from './errors';
export * from './event';
export * from './ids';
export * from './caller';
export * from './persistent-map';
export * from './clock';
