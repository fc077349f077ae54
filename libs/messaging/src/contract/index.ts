export * from './delivery.dto';
export * from './directory.dto';
export * from './envelope.dto';
export * from './message-types';
export * from './parse-envelope';
export * from './service-health.dto';
