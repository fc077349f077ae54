export * from './token';
export * from './token-verifier';
export * from './caller';
export * from './nest/auth.decorators';
export * from './nest/auth.guard';
