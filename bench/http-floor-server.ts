// bench:http's framework floor: the stack architecture.md asks every request to cross, doing
// the baseline's storage work (`http-baseline-storage.ts`) and nothing of the hub's own. NestJS
// on Fastify, nestjs-pino's request log (the hub's settings, to stdout), the throttle (the hub's
// storage, limit lifted), the hub's AuthGuard (HS256 bearer token, role), the hub's global
// ValidationPipe on the hub's own LogConsumptionDto, and the command through @nestjs/cqrs'
// CommandBus. No idempotency, no decision, no hash chain, no projection, no workflow. What the
// hub spends beyond this floor is its own; what the floor spends beyond the bare baseline is the
// stack's. `node dist/bench/http-floor-server.js <dir> <port> <balances> <secret>`.
import 'reflect-metadata';
import { Body, Controller, Get, Inject, Module, Post, RequestMethod } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { CommandBus, CommandHandler, CqrsModule, ICommandHandler } from '@nestjs/cqrs';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard, Public, RequireTokenRole, TOKEN_VERIFIER, TokenVerifier } from '@hub/access';
import { hubLoggerParams } from '@hub/runtime/logging';
import { LogConsumptionDto } from '../apps/hub-api/src/consumption/consumption.dto';
import { HitLogThrottlerStorage } from '../apps/hub-api/src/http/hit-log-throttler-storage';
import { hubValidationPipe } from '../apps/hub-api/src/http/validation.pipe';
import { BaselineStorage, openBaselineStorage } from './http-baseline-storage';

const [dir, port, balances, secret] = process.argv.slice(2);
const STORAGE = Symbol('BaselineStorage');

class LogConsumption {
  constructor(readonly body: LogConsumptionDto) {}
}

@CommandHandler(LogConsumption)
class LogConsumptionHandler implements ICommandHandler<LogConsumption> {
  constructor(@Inject(STORAGE) private readonly storage: BaselineStorage) {}

  async execute({ body }: LogConsumption) {
    const position = await this.storage.append({ ...body, reference: { ...body.reference } });
    return { consumptionId: body.consumptionId, position: String(position) };
  }
}

@Controller()
class FloorController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(STORAGE) private readonly storage: BaselineStorage,
  ) {}

  @Public()
  @Get('health/live')
  live() {
    return { status: 'up' };
  }

  @Post('v1/consumption')
  @RequireTokenRole('Service', 'CSAM')
  log(@Body() body: LogConsumptionDto): Promise<unknown> {
    return this.commands.execute(new LogConsumption(body));
  }

  @Get('v1/customer-activity')
  customerActivity() {
    return this.storage.customerActivity();
  }
}

const storage = openBaselineStorage(dir, Number(balances));

@Module({
  imports: [
    CqrsModule.forRoot(),
    LoggerModule.forRoot({
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      ...hubLoggerParams('info'),
    }),
    ThrottlerModule.forRoot({
      throttlers: [{ ttl: 1000, limit: 1_000_000 }],
      storage: new HitLogThrottlerStorage(),
    }),
  ],
  controllers: [FloorController],
  providers: [
    { provide: STORAGE, useValue: storage },
    { provide: TOKEN_VERIFIER, useValue: new TokenVerifier(secret) },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    LogConsumptionHandler,
  ],
})
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(hubValidationPipe());
  await app.listen(Number(port), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
