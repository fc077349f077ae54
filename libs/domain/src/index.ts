export * from './shared';
export * from './agreements';
export * from './contracts';
export * from './packages';
export * from './workspaces';
export * from './consumption';
export * from './cases';
export * from './id-claims';
