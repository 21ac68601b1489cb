import { Test } from '@nestjs/testing';

import { PRIORITY_WEIGHTS } from './priority.constants';
import { PriorityModule } from './priority.module';
import { PriorityService } from './priority.service';
import { DEFAULT_WEIGHTS, InvalidWeightsError } from './weights';

describe('PriorityModule', () => {
  it('should provide the shipped defaults and a service bound to them', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PriorityModule.forRoot()],
    }).compile();
    expect(moduleRef.get(PRIORITY_WEIGHTS)).toBe(DEFAULT_WEIGHTS);
    const result = moduleRef
      .get(PriorityService)
      .score(
        { issueType: 'critical', customerType: 'enterprise', impact: 1000, createdAt: new Date(0) },
        new Date(0),
      );
    expect(result).toMatchObject({ score: 15, level: 'P1' });
  });

  it('should provide weights from an async factory', async () => {
    const weights = { ...DEFAULT_WEIGHTS, levels: { P0: 30, P1: 20, P2: 10 } };
    const moduleRef = await Test.createTestingModule({
      imports: [PriorityModule.forRootAsync({ useFactory: async () => weights })],
    }).compile();
    expect(moduleRef.get(PriorityService).weights).toBe(weights);
  });

  it('should refuse to build with invalid weights', async () => {
    const weights = { ...DEFAULT_WEIGHTS, levels: { P0: 1, P1: 2, P2: 3 } };
    await expect(
      Test.createTestingModule({
        imports: [PriorityModule.forRootAsync({ useFactory: () => weights })],
      }).compile(),
    ).rejects.toThrow(InvalidWeightsError);
  });
});
