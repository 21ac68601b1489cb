import { Module, type DynamicModule, type FactoryProvider } from '@nestjs/common';

import { PRIORITY_WEIGHTS } from './priority.constants';
import { PriorityService } from './priority.service';
import { assertValidWeights, DEFAULT_WEIGHTS, type PriorityWeights } from './weights';

export interface PriorityModuleAsyncOptions {
  imports?: DynamicModule['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: any[]) => PriorityWeights | Promise<PriorityWeights>;
}

/**
 * Provides the weights under `PRIORITY_WEIGHTS` and a `PriorityService`. Weights are validated
 * when the module is built, so a bad configuration stops the application at start.
 */
@Module({})
export class PriorityModule {
  static forRoot(weights: PriorityWeights = DEFAULT_WEIGHTS): DynamicModule {
    return PriorityModule.build([
      { provide: PRIORITY_WEIGHTS, useValue: assertValidWeights(weights) },
    ]);
  }

  static forRootAsync(options: PriorityModuleAsyncOptions): DynamicModule {
    const weightsProvider: FactoryProvider = {
      provide: PRIORITY_WEIGHTS,
      inject: options.inject ?? [],
      useFactory: async (...args: unknown[]) =>
        assertValidWeights(await options.useFactory(...args)),
    };
    return { ...PriorityModule.build([weightsProvider]), imports: options.imports ?? [] };
  }

  private static build(providers: DynamicModule['providers']): DynamicModule {
    return {
      module: PriorityModule,
      global: true,
      providers: [...(providers ?? []), PriorityService],
      exports: [PRIORITY_WEIGHTS, PriorityService],
    };
  }
}
