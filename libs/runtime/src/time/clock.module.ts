import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, Clock } from '@hub/domain';
import { SystemClock } from './system-clock';

/** The process's one clock: the system's, or the one a test hands in (a fake it moves). */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: CLOCK, useValue: clock }],
      exports: [CLOCK],
    };
  }
}
