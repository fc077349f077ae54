export * from './contract';
export * from './kafka';
export * from './kafka-config';
export * from './message-handler.port';
export * from './notification-publisher.port';
