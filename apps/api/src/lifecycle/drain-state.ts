import { Injectable } from '@nestjs/common';

/** Whether the process is shutting down; readiness reads it to answer 503 while draining. */
@Injectable()
export class DrainState {
  private drainingSince: Date | undefined;

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  startDraining(): void {
    this.drainingSince ??= new Date();
  }
}
