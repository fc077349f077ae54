export * from './token';
export * from './caller';
export * from './nest/auth.decorators';
export * from './nest/auth.guard';
