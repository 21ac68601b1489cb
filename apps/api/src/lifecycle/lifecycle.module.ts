import { Global, Module } from '@nestjs/common';

import { DrainState } from './drain-state';
import { GracefulShutdownService } from './graceful-shutdown.service';

@Global()
@Module({
  providers: [DrainState, GracefulShutdownService],
  exports: [DrainState],
})
export class LifecycleModule {}
